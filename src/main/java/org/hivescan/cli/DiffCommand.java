package org.hivescan.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.hive.Key;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Json;
import org.hivescan.report.explore.DiffOutput;
import org.hivescan.report.explore.HiveDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hivescan diff HIVE_A HIVE_B [KEY]}: what changed between two copies of a hive. */
@Command(name = "diff", description = {"Show the keys and values added, removed and changed from HIVE_A to HIVE_B "
        + "(e.g. a host's SYSTEM before and after its .reg fix).",
    "Exit status: 0 identical, 1 different."})
public final class DiffCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE_A", description = "The earlier hive.")
    Path hiveA;

    @Parameters(index = "1", paramLabel = "HIVE_B", description = "The later hive.")
    Path hiveB;

    @Parameters(index = "2", arity = "0..1", paramLabel = "KEY", description = "Compare only this key and below.")
    String keyPath;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--root", paramLabel = "PREFIX", description = "Root shown before paths (default from the "
            + "kind of HIVE_A).")
    String root;

    @Override
    public Integer call() throws Exception {
        CommandSupport.requireReadable(hiveB);
        try (LoadedHive a = CommandSupport.load(hiveA, input.loadOptions());
                LoadedHive b = CommandSupport.load(hiveB, input.loadOptions())) {
            Optional<Key> startA = CommandSupport.resolveKey(a.hive(), keyPath, err());
            Optional<Key> startB = CommandSupport.resolveKey(b.hive(), keyPath, err());
            if (startA.isEmpty() || startB.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            String mount = keyPath == null || keyPath.isEmpty() ? CommandSupport.mountPoint(a.hive(), root)
                    : mountedPath(a, startA.get());
            HiveDiff.Result result = HiveDiff.compare(a.hive(), startA.get(), b.hive(), startB.get(), mount);
            if (json) {
                out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                        DiffOutput.json(result, hiveA.toString(), hiveB.toString())));
            } else {
                DiffOutput.text(result, hiveA.toString(), hiveB.toString(), out());
            }
            CommandSupport.printDiagnostics(a.hive(), err());
            CommandSupport.printDiagnostics(b.hive(), err());
            int complete = Math.max(CommandSupport.completeness(a.hive(), startA.get(), true, input.maxValueBytes, err()),
                    CommandSupport.completeness(b.hive(), startB.get(), true, input.maxValueBytes, err()));
            return complete != ExitCodes.OK ? complete
                    : result.identical() ? ExitCodes.OK : ExitCodes.NOT_FOUND_OR_FINDINGS;
        }
    }

    private String mountedPath(LoadedHive a, Key start) throws Exception {
        return org.hivescan.report.RegExport.fullPath(CommandSupport.mountPoint(a.hive(), root), start);
    }
}
