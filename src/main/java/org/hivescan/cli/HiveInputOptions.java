package org.hivescan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.hive.HiveOptions;
import org.hivescan.recovery.LoadOptions;
import picocli.CommandLine.Option;

/** Options shared by every command that reads a hive (a picocli mixin). */
public final class HiveInputOptions {
    @Option(names = "--strict", description = "Stop at the first structural problem instead of reading on.")
    boolean strict;

    @Option(names = "--no-logs", description = "Read the primary file as it is; do not replay .LOG1/.LOG2.")
    boolean noLogs;

    @Option(names = "--log", paramLabel = "FILE", description = "A transaction log to use (repeatable); "
            + "by default the logs beside the hive are used.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--max-value-bytes", paramLabel = "N", description = "Refuse values larger than this "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "" + HiveOptions.DEFAULT_MAX_VALUE_BYTES)
    int maxValueBytes;

    public LoadOptions loadOptions() {
        HiveOptions hive = HiveOptions.lenient().withStrict(strict).withMaxValueBytes(maxValueBytes);
        return new LoadOptions(hive, !noLogs, List.copyOf(logs));
    }
}
