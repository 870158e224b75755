package org.hivescan.recovery;

import java.util.List;

/**
 * The run of consecutive entries found in one new-format log, and why the run ended.
 *
 * @param entries the entries to apply, in order, with sequence numbers first, first+1, ...
 * @param stop why no further entry was taken
 * @param stopOffset the log offset where the scan stopped
 */
record EntryScan(List<LogEntry> entries, Stop stop, String detail, long stopOffset) {
    /** Why a scan stopped. Only {@link #END} and {@link #OLDER_ENTRY} are the normal end of a log's entries. */
    enum Stop {
        /** No further "HvLE" signature: the rest of the log is unused (§New format Note 4). */
        END,
        /** The next entry is an older one, already applied to the primary before (§New format Note 4). */
        OLDER_ENTRY,
        /** The sequence jumps forward: an entry is missing (§New format Note 7). */
        GAP,
        /** A Hash-1 or Hash-2 mismatch (§New format Note 8). */
        BAD_HASH,
        /** The entry runs past the end of the file. */
        TRUNCATED,
        /** The entry's header or page references are impossible (§New format Note 8). */
        INVALID;

        boolean normal() {
            return this == END || this == OLDER_ENTRY;
        }
    }

    int first() {
        return entries.get(0).sequence();
    }

    int last() {
        return entries.get(entries.size() - 1).sequence();
    }

    long pageCount() {
        return entries.stream().mapToLong(LogEntry::pageCount).sum();
    }
}
