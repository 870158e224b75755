package org.hivescan.hardening;

import org.hivescan.hive.HiveInternals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.cli.Main;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveKind;
import org.hivescan.hive.HiveVerifier;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;

/**
 * The child JVM of {@link CorpusUnderSmallHeapTest}, started with {@code -Xmx128m}: for every file of the given
 * folders (the shared corpus, then our hostile fixtures), first an in-process step count (load with logs as the
 * CLI does, walk, verify), then {@code info}, {@code verify}, {@code export --format canon} and {@code audit}
 * through {@link Main#run}. It prints one tab-separated line per run and never stops early, so one bad file cannot
 * hide the others:
 * <pre>
 * STEPS  file  steps  budget  outcome        (outcome: ok, or the exception class)
 * RUN    file  exit   flags   command        (flags: "-", or trace / internal / budget, see {@link #BUDGETS})
 * DONE   runs
 * </pre>
 */
public final class CorpusRunner {
    /** Words of the messages of the work budgets (HiveOptions), which real hives must never meet. */
    static final List<String> BUDGETS = List.of("work steps", "keys visited", "output weight", "value keys read",
            "value data bytes read");

    private CorpusRunner() {
    }

    /** Arguments: the folders whose files are run, the shared corpus first. */
    public static void main(String[] args) throws IOException {
        Path out = Files.createTempDirectory("hivescan-corpus");
        int runs = 0;
        for (String folder : args) {
            Path root = Path.of(folder);
            for (Path file : files(root)) {
                String name = root.getFileName() + "/" + root.relativize(file);
                String role = stepsAndRole(file, name);
                for (String[] command : commands(file, role, out)) {
                    System.out.println(run(name, command));
                    runs++;
                }
                System.out.flush();
            }
        }
        System.out.println("DONE\t" + runs);
    }

    /** The inputs of a folder: everything but the listings, notes and scripts that describe them. */
    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(CorpusRunner::isInput).sorted().toList();
        }
    }

    private static boolean isInput(Path file) {
        String name = file.getFileName().toString();
        return !name.endsWith(".tsv") && !name.endsWith(".md") && !name.endsWith(".py") && !name.endsWith(".canon");
    }

    private static List<String[]> commands(Path file, String role, Path out) {
        String f = file.toString();
        return List.of(new String[] {"info", f}, new String[] {"verify", f},
                new String[] {"export", f, "--format", "canon", "-o", out.resolve("out.canon").toString(),
                    "--force"},
                new String[] {"audit", role, f, "--format", "json"});
    }

    /**
     * Counts the cells a full read resolves against the hive's step budget, and says which audit role fits the
     * file: a SOFTWARE hive given as --system would be refused as a usage error, which is not what is tested here.
     */
    private static String stepsAndRole(Path file, String name) {
        String role = "--system";
        String outcome = "ok";
        long steps = 0;
        long budget = 0;
        try (LoadedHive loaded = HiveLoader.open(file, LoadOptions.defaults())) {
            Hive hive = loaded.hive();
            role = hive.kind() == HiveKind.SOFTWARE ? "--software" : "--system";
            try {
                Hostile.walk(hive);
                HiveVerifier.verify(hive);
            } finally {
                steps = HiveInternals.space(hive).steps();
                budget = hive.options().stepBudget(HiveInternals.space(hive).bins().limit());
            }
        } catch (HiveFormatException e) {
            boolean overBudget = BUDGETS.stream().anyMatch(String.valueOf(e.getMessage())::contains);
            outcome = e.getClass().getSimpleName() + (overBudget ? " budget" : "");
        } catch (IOException | RuntimeException | Error e) {
            outcome = "CRASH " + e;
        }
        System.out.printf(Locale.ROOT, "STEPS\t%s\t%d\t%d\t%s%n", name, steps, budget, outcome.replace('\t', ' '));
        return role;
    }

    private static String run(String name, String[] command) {
        StringWriter err = new StringWriter();
        int exit;
        try {
            exit = Main.run(command, OutputStream.nullOutputStream(), new PrintWriter(err));
        } catch (Throwable t) {
            err.write("\tat " + t);
            exit = -1;
        }
        List<String> flags = new ArrayList<>();
        String text = err.toString();
        if (text.contains("\tat ")) {
            flags.add("trace");
        }
        if (text.contains("internal error")) {
            flags.add("internal");
        }
        if (BUDGETS.stream().anyMatch(text::contains)) {
            flags.add("budget");
        }
        return String.format(Locale.ROOT, "RUN\t%s\t%d\t%s\t%s", name, exit, flags.isEmpty() ? "-"
                : String.join(",", flags), command[0] + (command[0].equals("audit") ? " " + command[1] : ""));
    }
}
