package org.hivescan.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hivescan.cli.Main;

/**
 * Runs a mutant through the command line in process ({@link Main#run}), from a temp file as a user would: info,
 * ls -r -l, verify, export --format canon and audit. Each must end with one of its documented exit codes, print
 * neither an internal error nor a stack trace, and let no raw control character reach the terminal. The
 * exporter's output goes to a file in the same temp folder, so nothing derived from the mutant is ever written
 * anywhere else.
 */
final class CliProbe {
    private static final Set<Integer> READ_EXITS = Set.of(0, 1, 3, 5);
    private static final Set<Integer> AUDIT_EXITS = Set.of(0, 1, 3, 4);

    private final Path dir;

    CliProbe(Path dir) {
        this.dir = dir;
    }

    /** The violations, empty when every command ended as documented. */
    List<String> run(Mutant mutant) throws IOException {
        Path hive = dir.resolve(roleOf(mutant.seed()).equals("--software") ? "SOFTWARE" : "SYSTEM");
        List<String> logArgs = List.of("--no-logs");
        if (mutant.seed().isLog()) {
            Files.copy(mutant.seed().primary(), hive, StandardCopyOption.REPLACE_EXISTING);
            // audit accepts only logs named after their hive, as Windows names them.
            Path log = dir.resolve(hive.getFileName() + ".LOG1");
            Files.write(log, mutant.bytes());
            logArgs = List.of("--log", log.toString());
        } else {
            Files.write(hive, mutant.bytes());
        }
        String file = hive.toString();
        List<String> violations = new ArrayList<>();
        check(violations, READ_EXITS, logArgs, "info", file);
        check(violations, READ_EXITS, logArgs, "ls", file, "-r", "-l");
        check(violations, READ_EXITS, logArgs, "verify", file);
        check(violations, READ_EXITS, logArgs, "export", file, "--format", "canon", "-o",
                dir.resolve("out.canon").toString(), "--force");
        check(violations, AUDIT_EXITS, logArgs, "audit", roleOf(mutant.seed()), file, "--format", "text",
                "--color", "never");
        return violations;
    }

    /**
     * The first character that must not reach a terminal raw (C0 and C1 controls other than line breaks and tab,
     * DEL, bidi overrides), or -1. Names in a mutant are random bytes, so this is issue 5's output-safety rule
     * tested on far more names than the hostile-names fixture holds.
     */
    static int rawControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (c < 0x20 && !lineBreakOrTab || c >= 0x7F && c < 0xA0 || c >= 0x202A && c <= 0x202E
                    || c >= 0x2066 && c <= 0x2069) {
                return c;
            }
        }
        return -1;
    }

    /** The audit role: a seed whose name says SOFTWARE is audited as one, anything else as SYSTEM. */
    static String roleOf(Seed seed) {
        String name = seed.name().toUpperCase(Locale.ROOT);
        return name.contains("SOFTWARE") ? "--software" : "--system";
    }

    private static void check(List<String> violations, Set<Integer> allowed, List<String> extra, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(extra);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            exit = Main.run(all.toArray(new String[0]), out, new PrintWriter(err));
        } catch (Throwable t) {
            violations.add(String.join(" ", all) + ": escaped Main.run: " + Exerciser.stackTrace(t));
            return;
        }
        String text = err.toString();
        for (String stream : List.of(text, out.toString(StandardCharsets.UTF_8))) {
            int raw = rawControl(stream);
            if (raw >= 0) {
                violations.add(String.join(" ", all) + String.format(": raw character U+%04X in the output", raw));
            }
        }
        // A mutated SYSTEM hive can come to look like a SOFTWARE one (its stored name or its top keys); audit
        // then refuses it as a usage error, which is the documented answer.
        boolean wrongRole = exit == 2 && args[0].equals("audit") && text.contains("looks like a");
        if (!allowed.contains(exit) && !wrongRole || text.contains("internal error") || text.contains("\tat ")) {
            violations.add(String.join(" ", all) + ": exit " + exit + "\n" + text);
        }
    }
}
