package org.hivescan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.RecoveredHiveWriter;
import org.hivescan.recovery.RecoveryReport;
import org.hivescan.report.Escaping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hivescan replay HIVE -o CLEAN_HIVE}: writes the hive with its transaction logs applied as a new primary
 * file that other tools can load. The input and its logs are never written; an existing output is replaced only
 * with --force, and never when it is the input or one of its logs.
 */
@Command(name = "replay", description = "Write a copy of a dirty hive with its transaction logs applied.")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE", description = "The primary hive file.")
    Path hive;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CLEAN_HIVE",
            description = "Where to write the recovered hive (a new file).")
    Path output;

    @Option(names = "--force", description = "Replace OUTPUT if it exists (never the input or its logs).")
    boolean force;

    @Mixin
    HiveInputOptions input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadOptions options = input.loadOptions();
        String refusal = refusal(options);
        if (refusal != null) {
            err.println("hivescan replay: " + Escaping.terminal(refusal));
            return ExitCodes.USAGE;
        }
        try (LoadedHive loaded = HiveLoader.open(hive, options)) {
            RecoveryReport recovery = loaded.recovery();
            recovery.notes().forEach(n -> err.println("hivescan: recovery: " + Escaping.terminal(n)));
            long size = RecoveredHiveWriter.write(loaded, output, force);
            out.println("Wrote " + Escaping.terminal(output.toString()) + " (" + size + " bytes): " + summary(recovery));
            CommandSupport.printDiagnostics(loaded.hive(), err);
        }
        return ExitCodes.OK;
    }

    private static String summary(RecoveryReport recovery) {
        if (recovery.applied()) {
            return "transaction logs applied (" + recovery.logsApplied().size() + " file(s))";
        }
        return recovery.dirty() ? "the hive is dirty but no log was applied; copied as it is"
                : "the hive is clean; copied as it is";
    }

    /** Why the output may not be written, or null when it may. */
    private String refusal(LoadOptions options) throws IOException {
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return "cannot write " + output + ": its folder does not exist";
        }
        if (InputGuard.isEvidence(output, hive, options.explicitLogs())) {
            return "refusing to write " + output + ": it is the input hive or one of its transaction logs";
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!force) {
            return "refusing to overwrite existing file " + output + " (use --force to replace it)";
        }
        if (Files.isDirectory(output)) {
            return "refusing to overwrite " + output + ": it is a directory";
        }
        return null;
    }
}
