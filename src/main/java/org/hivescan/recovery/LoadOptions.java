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
    public static LoadOptions defaults() {
        return new LoadOptions(HiveOptions.lenient(), true, List.of());
    }
}
