package org.hivescan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hivescan.audit.AuditInput;
import org.hivescan.audit.AuditReport;
import org.hivescan.audit.Auditor;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.model.RuleFileException;
import org.hivescan.audit.model.RuleSetLoader;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;
import org.hivescan.report.audit.JsonAuditReport;
import org.hivescan.report.audit.MarkdownAuditReport;
import org.hivescan.report.audit.RegFixWriter;
import org.hivescan.report.audit.TextAuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hivescan audit}: TLS 1.2 readiness of a Windows host for Microsoft 365, from its offline SYSTEM and
 * SOFTWARE hives (issue 4). Exit codes: 0 READY, 1 NOT READY, 4 UNKNOWN, 3 unreadable hive, 2 usage.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audit a host's TLS 1.2 readiness for Microsoft 365 (WinHTTP, SChannel, .NET, cipher suites).",
            "DIR is a folder holding SYSTEM and/or SOFTWARE (any case), or a Windows\\System32\\config below it,",
            "or a disk image (raw, VHD, VHDX, VMDK, QCOW2, E01): every Windows installation in it is audited.",
            "Exit status: 0 READY, 1 NOT READY, 4 UNKNOWN, 3 unreadable hive, 2 usage error."})
public final class AuditCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json, markdown }

    /** When to colour the text report. */
    enum Color { auto, always, never }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder holding the hives, or a disk image.")
    Path dir;

    @Option(names = "--partition", paramLabel = "N", description = "In a disk image, audit only the Windows "
            + "installation on partition N (as `hivescan image` numbers them).")
    Integer partition;

    @Option(names = "--system", paramLabel = "FILE", description = "The SYSTEM hive.")
    Path system;

    @Option(names = "--software", paramLabel = "FILE", description = "The SOFTWARE hive.")
    Path software;

    @Option(names = "--os-build", paramLabel = "N", description = "The Windows build, for a host whose SOFTWARE "
            + "hive is missing (overrides CurrentBuildNumber).")
    Integer osBuild;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or markdown.")
    Format format;

    @Option(names = "--fix", paramLabel = "FILE.reg", description = "Write the registry changes this host needs, "
            + "for the live host (CurrentControlSet).")
    Path fix;

    @Option(names = "--fix-offline", paramLabel = "FILE.reg", description = "Write the same changes for the "
            + "offline hives (the control set in use, one section per hive).")
    Path fixOffline;

    @Option(names = "--tls12-only", description = "Fix files use the strict variant: DefaultSecureProtocols "
            + "0xA00 and legacy SChannel protocols disabled (default: the article's 0xAA0, nothing removed).")
    boolean tls12Only;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra or overriding rules (YAML or JSON).")
    Path rulesFile;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (a terminal without NO_COLOR), always or never.")
    Color color;

    @Option(names = {"-v", "--verbose"}, description = "Show the evidence of passing rules too.")
    boolean verbose;

    @Mixin
    HiveInputOptions input;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String usage = checkUsage();
        if (usage != null) {
            return usageError(err, usage);
        }
        Auditor auditor;
        try {
            auditor = new Auditor(RuleSetLoader.load(rulesFile));
        } catch (RuleFileException e) {
            return usageError(err, Escaping.terminal(e.getMessage()));
        }
        if (dir != null && Files.isRegularFile(dir)) {
            return ImageAudit.run(this, auditor, err);
        }
        Path sys = system;
        Path soft = software;
        if (dir != null) {
            sys = find(dir, "SYSTEM");
            soft = find(dir, "SOFTWARE");
            if (sys == null && soft == null) {
                return usageError(err, "no SYSTEM or SOFTWARE hive in " + Escaping.terminal(dir.toString())
                        + " (nor in its Windows\\System32\\config)");
            }
        }
        String clash = outputClash(sys, soft);
        if (clash != null) {
            return usageError(err, clash);
        }
        return run(auditor, sys, soft, err);
    }

    /**
     * A fix file must never overwrite evidence (SECURITY.md): not an input hive, not one of its logs, and not a
     * new file named like one of its logs, which a later run would take for a log.
     */
    private String outputClash(Path sys, Path soft) throws IOException {
        for (Path out : new Path[] {fix, fixOffline}) {
            for (Path in : new Path[] {sys, soft}) {
                if (out != null && in != null && isEvidence(out, in)) {
                    return Escaping.terminal(out.toString()) + " is an input hive or one of its logs; choose "
                            + "another file for the fix";
                }
            }
        }
        return null;
    }

    private boolean isEvidence(Path out, Path hive) throws IOException {
        return InputGuard.isEvidence(out, hive, input.loadOptions().explicitLogs());
    }

    private String checkUsage() {
        if (dir != null && (system != null || software != null)) {
            return "give either DIR or --system/--software, not both";
        }
        if (dir == null && system == null && software == null) {
            return "nothing to audit: give DIR, or --system and/or --software";
        }
        if (dir != null && !Files.isDirectory(dir) && !Files.isRegularFile(dir)) {
            return "not a folder or disk image: " + Escaping.terminal(dir.toString());
        }
        if (partition != null && (dir == null || !Files.isRegularFile(dir))) {
            return "--partition applies to a disk image only";
        }
        if (osBuild != null && (osBuild < 1000 || osBuild > 99999)) {
            return "--os-build expects a Windows build number such as 7601 or 20348";
        }
        return null;
    }

    private int run(Auditor auditor, Path sys, Path soft, PrintWriter err) throws IOException {
        LoadOptions options = input.loadOptions();
        String unmatched = unmatchedLog(options.explicitLogs(), sys, soft);
        if (unmatched != null) {
            return usageError(err, "--log " + Escaping.terminal(unmatched) + " belongs to neither hive (a log is "
                    + "named after its hive, e.g. SYSTEM.LOG1)");
        }
        try (LoadedHive s = open(sys, HiveRole.SYSTEM, logsOf(options, sys), err);
                LoadedHive w = open(soft, HiveRole.SOFTWARE, logsOf(options, soft), err)) {
            return audit(auditor, s, sys == null ? null : sys.toString(), w, soft == null ? null : soft.toString(),
                    err);
        } catch (UnreadableHive e) {
            return ExitCodes.UNREADABLE;
        } catch (HiveFormatException e) {
            err.println("hivescan audit: " + Escaping.terminal(String.valueOf(e.getMessage())));
            return ExitCodes.UNREADABLE;
        } catch (WrongHive e) {
            return ExitCodes.USAGE;
        }
    }

    /** Audits two loaded hives (either may be null), renders the report, writes fixes; the exit code. */
    int audit(Auditor auditor, LoadedHive s, String sysName, LoadedHive w, String softName, PrintWriter err)
            throws IOException, HiveFormatException {
        AuditReport report = auditor.audit(new AuditInput(inputOf(sysName, s), inputOf(softName, w), osBuild,
                tls12Only));
        render(report);
        for (LoadedHive h : new LoadedHive[] {s, w}) {
            if (h != null) {
                CommandSupport.printDiagnostics(h.hive(), err);
            }
        }
        if (!writeFixes(report, err)) {
            return ExitCodes.USAGE;
        }
        return exitCode(report);
    }

    /**
     * The audit reads two hives, so each --log goes to the hive whose file name starts its name
     * (SYSTEM.LOG1 to SYSTEM), as Windows names logs; the loader then checks it against that hive.
     */
    static LoadOptions logsOf(LoadOptions all, Path hive) {
        if (hive == null || all.explicitLogs().isEmpty()) {
            return all;
        }
        List<Path> mine = all.explicitLogs().stream().filter(log -> belongsTo(log, hive)).toList();
        return new LoadOptions(all.hive(), all.applyLogs(), mine);
    }

    private static String unmatchedLog(List<Path> logs, Path sys, Path soft) {
        for (Path log : logs) {
            if (!(sys != null && belongsTo(log, sys)) && !(soft != null && belongsTo(log, soft))) {
                return log.toString();
            }
        }
        return null;
    }

    private static boolean belongsTo(Path log, Path hive) {
        String l = log.getFileName().toString().toLowerCase(Locale.ROOT);
        String h = hive.getFileName().toString().toLowerCase(Locale.ROOT);
        return l.startsWith(h + ".");
    }

    /** Signals that a hive could not be opened; the message has been printed. */
    static final class UnreadableHive extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Signals that a file is the other hive; the message has been printed. */
    static final class WrongHive extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static LoadedHive open(Path path, HiveRole role, LoadOptions options, PrintWriter err) {
        if (path == null) {
            return null;
        }
        LoadedHive loaded;
        try {
            loaded = HiveLoader.open(path, options);
        } catch (HiveFormatException e) {
            // Only format problems mean "unreadable" (exit 3); any other exception is a bug and must surface as one.
            err.println("hivescan audit: " + role + " hive " + Escaping.terminal(path.toString())
                    + " is unreadable: " + Escaping.terminal(String.valueOf(e.getMessage())));
            throw new UnreadableHive();
        }
        checkKind(loaded, path.toString(), role, err);
        return loaded;
    }

    /**
     * A SOFTWARE file given as SYSTEM (or the reverse) would make every rule meaningless: refuse it. The root keys
     * decide, not the stored file name, which copies often get wrong (built fixtures say DEFAULT).
     */
    static void checkKind(LoadedHive loaded, String path, HiveRole role, PrintWriter err) {
        boolean system;
        boolean software;
        try {
            var root = loaded.hive().root();
            system = root.subkey("Select").isPresent();
            software = !system && root.subkey("Microsoft").isPresent();
        } catch (HiveFormatException e) {
            return;
        }
        HiveRole other = role == HiveRole.SYSTEM ? HiveRole.SOFTWARE : HiveRole.SYSTEM;
        if ((role == HiveRole.SYSTEM && software) || (role == HiveRole.SOFTWARE && system)) {
            closeQuietly(loaded);
            err.println("hivescan audit: " + Escaping.terminal(path) + " looks like a " + other
                    + " hive, not " + role);
            throw new WrongHive();
        }
    }

    private static void closeQuietly(LoadedHive h) {
        try {
            h.close();
        } catch (IOException ignored) {
            // Refusing the file already; a close failure adds nothing.
        }
    }

    private static AuditInput.InputHive inputOf(String name, LoadedHive h) {
        return h == null ? null : new AuditInput.InputHive(name, h.hive(), h.recovery());
    }

    private void render(AuditReport report) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> JsonAuditReport.write(report, out);
            case markdown -> MarkdownAuditReport.write(report, out);
            default -> TextAuditReport.write(report, out, useColor(), verbose);
        }
        out.flush();
    }

    private boolean useColor() {
        return TextAuditReport.colorWanted(color.name(), System.console() != null, System.getenv("NO_COLOR"),
                System.getenv("TERM"));
    }

    private boolean writeFixes(AuditReport report, PrintWriter err) {
        return writeFix(report, fix, RegFixWriter.Target.LIVE, err)
                && writeFix(report, fixOffline, RegFixWriter.Target.OFFLINE, err);
    }

    private static boolean writeFix(AuditReport report, Path file, RegFixWriter.Target target, PrintWriter err) {
        if (file == null) {
            return true;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            RegFixWriter.write(report, target, w);
            return true;
        } catch (IOException e) {
            err.println("hivescan audit: cannot write " + Escaping.terminal(file.toString()) + ": "
                    + Escaping.terminal(String.valueOf(e.getMessage())));
            return false;
        }
    }

    private static int exitCode(AuditReport report) {
        return switch (report.overall()) {
            case READY -> ExitCodes.OK;
            case NOT_READY -> ExitCodes.NOT_FOUND_OR_FINDINGS;
            case UNKNOWN -> ExitCodes.UNKNOWN;
        };
    }

    static int usageError(PrintWriter err, String message) {
        err.println("hivescan audit: " + message);
        err.println("Try 'hivescan audit --help' for usage.");
        return ExitCodes.USAGE;
    }

    /** The hive file named {@code name} (any case) in DIR, else in DIR\Windows\System32\config; null if none. */
    static Path find(Path dir, String name) throws IOException {
        Path found = fileIn(dir, name);
        if (found != null) {
            return found;
        }
        Path config = dir;
        for (String part : List.of("Windows", "System32", "config")) {
            config = fileOrDirIn(config, part, true);
            if (config == null) {
                return null;
            }
        }
        return fileIn(config, name);
    }

    private static Path fileIn(Path dir, String name) throws IOException {
        return fileOrDirIn(dir, name, false);
    }

    private static Path fileOrDirIn(Path dir, String name, boolean wantDir) throws IOException {
        Path exact = dir.resolve(name);
        if (wantDir ? Files.isDirectory(exact) : Files.isRegularFile(exact)) {
            return exact;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                boolean kindOk = wantDir ? Files.isDirectory(p) : Files.isRegularFile(p);
                if (kindOk && p.getFileName().toString().toLowerCase(Locale.ROOT)
                        .equals(name.toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        return null;
    }
}
