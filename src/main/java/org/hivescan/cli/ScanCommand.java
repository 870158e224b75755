package org.hivescan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hivescan.report.Escaping;
import org.hivescan.scan.LocalScanFiles;
import org.hivescan.scan.ScanOptions;
import org.hivescan.scan.ScanRun;
import org.hivescan.scan.ScanTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hivescan scan}: the TLS 1.2 audit over a fleet. Finds hives by content in folders and zip collections,
 * groups them into hosts, audits each in isolation and writes hosts.jsonl, summary.csv, report.html and fixes/.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audit every host found under PATH... (folders, zip collection archives, disk images).",
            "Writes hosts.jsonl, summary.csv, report.html and fixes/HOST/ to --out.",
            "Exit status: 3 if any host errored, else 1 if any is NOT READY, else 4 if any is UNKNOWN, else 0;"
                    + " 2 usage error."})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders, zip archives, hive files or images.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hivescan-scan",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Hosts audited at once (default: all cores).")
    Integer jobs;

    @Option(names = "--resume", description = "Continue an interrupted scan from the hosts.jsonl in --out.")
    boolean resume;

    @Option(names = "--force", description = "Replace the outputs of an earlier scan in --out.")
    boolean force;

    @Option(names = "--hash", description = "Record the SHA-256 of every hive (reads every byte; slower).")
    boolean hash;

    @Option(names = "--timeout-per-host", paramLabel = "S", defaultValue = "60",
            description = "Seconds one host may take before it is an ERROR row (default: ${DEFAULT-VALUE}).")
    int timeoutPerHost;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra or overriding audit rules (YAML or JSON).")
    Path rulesFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String usage = checkUsage();
        if (usage != null) {
            return usageError(err, usage);
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        ScanOptions options = new ScanOptions(out, n, resume, force, hash, Duration.ofSeconds(timeoutPerHost),
                rulesFile);
        List<String> roots = new ArrayList<>();
        paths.forEach(p -> roots.add(p.toString()));
        ScanRun.Progress bar = ProgressBar.forStderr(err);
        ScanTotals totals;
        try {
            totals = new ScanRun(new LocalScanFiles(), options, bar).run(roots);
        } catch (ScanRun.UsageException e) {
            return usageError(err, Escaping.terminal(e.getMessage()));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary(totals));
        stdout.println(out.resolve(ScanRun.REPORT));
        stdout.flush();
        return totals.exitCode();
    }

    private static String summary(ScanTotals t) {
        StringBuilder b = new StringBuilder().append(t.hosts()).append(" hosts:");
        for (String s : List.of("READY", "NOT READY", "UNKNOWN", "ERROR", "DUPLICATE")) {
            b.append(' ').append(s).append(' ').append(t.count(s)).append(',');
        }
        b.setLength(b.length() - 1);
        if (t.ambiguities() > 0) {
            b.append("; ").append(t.ambiguities()).append(" ambiguous folder(s) not merged");
        }
        if (t.skippedHives() > 0) {
            b.append("; ").append(t.skippedHives()).append(" other hive(s) or image(s) without Windows, not audited");
        }
        return b.toString();
    }

    private String checkUsage() {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                return "no such file or folder: " + Escaping.terminal(p.toString());
            }
        }
        if (jobs != null && (jobs < 1 || jobs > 1024)) {
            return "--jobs expects 1 to 1024";
        }
        if (timeoutPerHost < 1) {
            return "--timeout-per-host expects a number of seconds, at least 1";
        }
        if (resume && force) {
            return "give --resume or --force, not both";
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return "--out " + Escaping.terminal(out.toString()) + " is not a folder";
        }
        return null;
    }

    private static int usageError(PrintWriter err, String message) {
        err.println("hivescan scan: " + message);
        err.println("Try 'hivescan scan --help' for usage.");
        return ExitCodes.USAGE;
    }
}
