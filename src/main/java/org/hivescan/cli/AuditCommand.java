package org.hivescan.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
import org.hivescan.hive.HiveKind;
import org.hivescan.recovery.HostFolder;
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
            + "for the live host (CurrentControlSet); - for stdout (the report then goes to stderr).")
    Path fix;

    @Option(names = "--fix-offline", paramLabel = "DIR", description = "Write the same changes for the offline "
            + "hives as DIR/SYSTEM.reg and DIR/SOFTWARE.reg (the control set in use), each mergeable with "
            + "hivexregedit --merge --prefix 'HKEY_LOCAL_MACHINE\\<HIVE>'; existing files only with --force.")
    Path fixOffline;

    @Option(names = "--force", description = "Replace an existing fix file (never an input hive or its logs).")
    boolean force;

    @Option(names = "--tls12-only", description = "Fix files use the strict variant: DefaultSecureProtocols "
            + "0x800 (0x2800 from build 20348) and legacy SChannel protocols disabled (default: the article's 0xAA0, nothing removed).")
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
            return usageError(err, Messages.oneLine(e.getMessage()));
        }
        if (dir != null && Files.isRegularFile(dir)) {
            return ImageAudit.run(this, auditor, err);
        }
        Path sys = system;
        Path soft = software;
        if (dir != null) {
            Optional<HostFolder.Found> found;
            try {
                found = HostFolder.find(dir);
            } catch (HostFolder.AmbiguousFolderException e) {
                return usageError(err, Escaping.terminal(e.getMessage()));
            }
            if (found.isEmpty()) {
                return usageError(err, "no SYSTEM or SOFTWARE hive in " + Escaping.terminal(dir.toString())
                        + " (nor in its Windows\\System32\\config)");
            }
            sys = found.get().system();
            soft = found.get().software();
        }
        String clash = outputClash(sys, soft);
        if (clash != null) {
            return usageError(err, clash);
        }
        return run(auditor, sys, soft, err);
    }

    /**
     * The fix files follow the rule of every output (Outputs): never evidence (SECURITY.md), an existing file
     * only with --force; --fix-offline names a folder that is or can be made.
     */
    private String outputClash(Path sys, Path soft) throws IOException {
        String clash = fixesOverlap();
        if (clash == null) {
            clash = offlineFolderClash(sys, soft);
        }
        if (clash != null) {
            return clash;
        }
        // A folder still to be created holds no evidence and no file to overwrite.
        List<Path> outs = new java.util.ArrayList<>(fixOffline != null && Files.isDirectory(fixOffline)
                ? offlineFiles() : List.of());
        outs.add(fix);
        for (Path out : outs) {
            try {
                Outputs.check(out, force, java.util.Arrays.asList(sys, soft), input.loadOptions().explicitLogs());
            } catch (UserError e) {
                return e.getMessage();
            }
        }
        return null;
    }

    /** --fix naming --fix-offline's folder, or one of the files written there. */
    private String fixesOverlap() throws IOException {
        if (Outputs.same(fix, fixOffline)) {
            return "--fix and --fix-offline name the same file (" + Outputs.shown(fix) + "); give each its own";
        }
        for (Path offline : offlineFiles()) {
            if (Outputs.same(fix, offline)) {
                return "--fix " + Outputs.shown(fix) + " is one of the files --fix-offline writes; give each its own";
            }
        }
        return null;
    }

    /** --fix-offline must name a folder that is, or can be made, and is not evidence. */
    private String offlineFolderClash(Path sys, Path soft) throws IOException {
        if (fixOffline == null) {
            return null;
        }
        for (Path in : new Path[] {sys, soft}) {
            if (in != null && InputGuard.isEvidence(fixOffline, in, input.loadOptions().explicitLogs())) {
                return "refusing to write " + Outputs.shown(fixOffline) + ": it is an input hive or one of its "
                        + "transaction logs";
            }
        }
        if (Outputs.isStdout(fixOffline)) {
            return "--fix-offline takes a folder (for SYSTEM.reg and SOFTWARE.reg), not standard output";
        }
        if (Files.exists(fixOffline) && !Files.isDirectory(fixOffline)) {
            return "--fix-offline: " + Escaping.terminal(fixOffline.toString()) + " is not a folder (it takes a"
                    + " folder for SYSTEM.reg and SOFTWARE.reg)";
        }
        if (!Files.isDirectory(fixOffline.toAbsolutePath().getParent())) {
            return "--fix-offline: cannot create " + Escaping.terminal(fixOffline.toString())
                    + ": its parent folder does not exist";
        }
        return null;
    }

    /** With a fix on stdout, the report moves to stderr so that the fix can be redirected on its own. */
    private PrintWriter reportWriter() {
        boolean fixOnStdout = Outputs.isStdout(fix);
        return fixOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
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
        Optional<Path> unmatched = HostFolder.unmatchedLog(options.explicitLogs(), sys, soft);
        if (unmatched.isPresent()) {
            return usageError(err, "--log " + Escaping.terminal(unmatched.get().toString()) + " belongs to neither hive (a log is "
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
        if (s != null && w != null) {
            HostFolder.disagreements(s.hive(), w.hive())
                    .forEach(m -> err.println("hivescan audit: warning: " + Escaping.terminal(m)));
        }
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
        return new LoadOptions(all.hive(), all.applyLogs(), HostFolder.logsOf(all.explicitLogs(), hive));
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
        String problem = Messages.unreadable(path);
        if (problem != null) {
            err.println("hivescan audit: " + role + " hive " + Escaping.terminal(path.toString()) + ": " + problem);
            throw new UnreadableHive();
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
            HiveKind kind = loaded.hive().kind();
            system = kind == HiveKind.SYSTEM;
            software = kind == HiveKind.SOFTWARE;
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
        PrintWriter out = reportWriter();
        switch (format) {
            case json -> JsonAuditReport.write(report, out);
            case markdown -> MarkdownAuditReport.write(report, out);
            default -> TextAuditReport.write(report, out, useColor(), verbose,
                    TextAuditReport.width(System.getenv("COLUMNS"), System.console() != null));
        }
        out.flush();
    }

    private boolean useColor() {
        return TextAuditReport.colorWanted(color.name(), System.console() != null, System.getenv("NO_COLOR"),
                System.getenv("TERM"));
    }

    /** The per-hive files --fix-offline DIR writes. */
    private List<Path> offlineFiles() {
        if (fixOffline == null) {
            return List.of();
        }
        return java.util.Arrays.stream(HiveRole.values()).map(r -> fixOffline.resolve(r.name() + ".reg")).toList();
    }

    private boolean writeFixes(AuditReport report, PrintWriter err) {
        if (!writeFix(report, fix, RegFixWriter.Target.LIVE, err)) {
            return false;
        }
        if (fixOffline == null) {
            return true;
        }
        try {
            Files.createDirectories(fixOffline);
        } catch (IOException e) {
            err.println("hivescan audit: cannot create " + Escaping.terminal(fixOffline.toString()) + ": "
                    + Escaping.terminal(String.valueOf(e.getMessage())));
            return false;
        }
        for (HiveRole role : HiveRole.values()) {
            if (!writeRegFile(fixOffline.resolve(role.name() + ".reg"), w -> RegFixWriter.writeHive(report, role, w),
                    err)) {
                return false;
            }
        }
        return true;
    }

    private boolean writeFix(AuditReport report, Path file, RegFixWriter.Target target, PrintWriter err) {
        if (file == null) {
            return true;
        }
        spec.commandLine().getOut().flush();
        return writeRegFile(file, w -> RegFixWriter.write(report, target, w), err);
    }

    /** What a fix writer puts into one .reg file. */
    private interface RegContent {
        void writeTo(Writer w) throws IOException;
    }

    /** Writes one .reg file under the output rule; false (with the reason on stderr) when it cannot. */
    private boolean writeRegFile(Path file, RegContent content, PrintWriter err) {
        try (Writer w = new OutputStreamWriter(Outputs.open(file, force), StandardCharsets.US_ASCII)) {
            content.writeTo(w);
            return true;
        } catch (UserError e) {
            err.println("hivescan audit: " + e.getMessage());
            return false;
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
}
