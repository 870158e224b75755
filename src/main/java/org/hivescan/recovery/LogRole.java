package org.hivescan.recovery;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Which log of the hive a file is, from its name: the single log of the old single-logging scheme ({@code .LOG}), or
 * one of the dual-logging pair ({@code .LOG1}, {@code .LOG2}) (§Multiple transaction log files). A log named
 * otherwise (given with --log) has no role; only the new format, which orders logs by sequence number, can use it
 * fully.
 */
enum LogRole {
    LOG1, LOG2, LOG, OTHER;

    static LogRole of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".log1")) {
            return LOG1;
        }
        if (lower.endsWith(".log2")) {
            return LOG2;
        }
        return lower.endsWith(".log") ? LOG : OTHER;
    }
}
