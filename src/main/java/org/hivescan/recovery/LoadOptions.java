package org.hivescan.recovery;

import java.nio.file.Path;
import java.util.List;
import org.hivescan.hive.HiveOptions;

/**
 * How to load a hive for a command.
 *
 * @param hive how the hive itself is read (strictness, limits)
 * @param applyLogs replay transaction logs when the hive is dirty (on by default; --no-logs turns it off)
 * @param explicitLogs log files named by the user (--log); when empty, logs beside the hive are looked for
 */
public record LoadOptions(HiveOptions hive, boolean applyLogs, List<Path> explicitLogs) {
    public LoadOptions {
        explicitLogs = List.copyOf(explicitLogs);
    }

    /** Lenient reading, logs replayed when the hive is dirty, logs looked for beside the hive. */
    public static LoadOptions defaults() {
        return new LoadOptions(HiveOptions.lenient(), true, List.of());
    }

    /** The same, but the primary is read as it is even when dirty. */
    public LoadOptions withoutLogs() {
        return new LoadOptions(hive, false, explicitLogs);
    }

    /** The same, with these reading options (strictness, limits). */
    public LoadOptions withHive(HiveOptions value) {
        return new LoadOptions(value, applyLogs, explicitLogs);
    }
}
