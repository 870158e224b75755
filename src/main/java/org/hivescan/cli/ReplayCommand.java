package org.hivescan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.RecoveredHiveWriter;
import org.hivescan.recovery.RecoveryReport;
import org.hivescan.report.Escaping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hivescan replay HIVE -o CLEAN_HIVE}: writes the hive with its transaction logs applied as a new primary
 * file that other tools can load. The input and its logs are never written; an existing output is replaced only
 * with --force, and never when it is the input or one of its logs.
 */
@Command(name = "replay", description = "Write a copy of a dirty hive with its transaction logs applied.")
public final class ReplayCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE", description = "The primary hive file.")
    Path hive;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "CLEAN_HIVE",
            description = "Where to write the recovered hive (a new file; - for stdout).")
    Path output;

    @Option(names = "--force", description = "Replace OUTPUT if it exists (never the input or its logs).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        LoadOptions options = input.loadOptions();
        Outputs.check(output, force, List.of(hive), options.explicitLogs());
        if (Outputs.isStdout(output) && Main.stdoutIsTerminal()) {
            throw new UserError(ExitCodes.USAGE, "-o -: standard output is a terminal; a hive is binary, so "
                    + "redirect it (-o - > CLEAN_HIVE) or give a file name");
        }
        // With the hive on stdout, the summary goes to stderr so that it cannot corrupt the copy.
        PrintWriter summary = Outputs.isStdout(output) ? err() : out();
        try (LoadedHive loaded = CommandSupport.load(hive, options)) {
            RecoveryReport recovery = loaded.recovery();
            recovery.notes().forEach(n -> err().println("hivescan: recovery: " + Escaping.terminal(n)));
            long size = Outputs.isStdout(output) ? writeToStdout(loaded) : RecoveredHiveWriter.write(loaded, output,
                    force);
            String where = Outputs.isStdout(output) ? "standard output" : Escaping.terminal(output.toString());
            summary.println("Wrote " + where + " (" + size + " bytes): "
                    + summary(recovery));
            CommandSupport.printDiagnostics(loaded.hive(), err());
        }
        return ExitCodes.OK;
    }

    /** The writer works on files (it seeks back to the base block), so stdout gets a finished temporary copy. */
    private static long writeToStdout(LoadedHive loaded) throws Exception {
        Path temp = Files.createTempFile("hivescan-replay", ".hive");
        try {
            long size = RecoveredHiveWriter.write(loaded, temp, true);
            try (OutputStream out = Outputs.open(null, false)) {
                Files.copy(temp, out);
            }
            return size;
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the copy has been written.
        }
    }

    private static String summary(RecoveryReport recovery) {
        if (recovery.applied()) {
            return "transaction logs applied (" + recovery.logsApplied().size() + " file(s))";
        }
        return recovery.dirty() ? "the hive is dirty but no log was applied; copied as it is"
                : "the hive is clean; copied as it is";
    }
}
