package org.hivescan.recovery;

import java.nio.file.Path;
import java.util.List;

/**
 * What log recovery found and did.
 *
 * @param dirty whether the primary was dirty
 * @param dirtyReasons why it was dirty
 * @param logsFound the log files that belong to the primary (beside it, or named explicitly)
 * @param applied whether any log data was replayed
 * @param notes one line per log: what was applied (entries, sequence range) or why it was rejected
 * @param logsApplied the logs whose data was replayed, in the order applied
 */
public record RecoveryReport(boolean dirty, List<String> dirtyReasons, List<Path> logsFound, boolean applied,
        List<String> notes, List<Path> logsApplied) {
    public RecoveryReport {
        dirtyReasons = List.copyOf(dirtyReasons);
        logsFound = List.copyOf(logsFound);
        notes = List.copyOf(notes);
        logsApplied = List.copyOf(logsApplied);
    }
}
