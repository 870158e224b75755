package org.hivescan.recovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.OverlayBytes;
import org.hivescan.format.BaseBlock;

/**
 * One replay of a dirty primary's logs: picks the log format, hands the logs to the matching scheme, and gathers the
 * notes that say what was applied or why a log was not. Nothing is written to any file: changes go to an
 * {@link OverlayBytes} over the primary's read-only bytes.
 */
final class Replay {
    private final HiveBytes primary;
    private final BaseBlock base;
    private final List<String> notes = new ArrayList<>();
    private final List<Path> applied = new ArrayList<>();

    private Replay(HiveBytes primary, BaseBlock base) {
        this.primary = primary;
        this.base = base;
    }

    /** Replays whichever of {@code logs} apply to the dirty primary. */
    static ReplayResult run(HiveBytes primary, BaseBlock base, List<LogFile> logs) throws HiveFormatException {
        Replay replay = new Replay(primary, base);
        OverlayBytes view = replay.dispatch(logs);
        return new ReplayResult(view, List.copyOf(replay.notes), List.copyOf(replay.applied));
    }

    private OverlayBytes dispatch(List<LogFile> logs) throws HiveFormatException {
        List<LogFile> newFormat = new ArrayList<>();
        List<LogFile> oldFormat = new ArrayList<>();
        for (LogFile log : logs) {
            if (!log.usable()) {
                note(log, "rejected: " + log.problem());
            } else if (log.isNewFormat()) {
                newFormat.add(log);
            } else {
                oldFormat.add(log);
            }
        }
        if (!newFormat.isEmpty()) {
            // A hive is written with one log format at a time; the new one is what Windows 8.1+ writes, and an
            // old-format file beside it is a leftover (yarp prefers the new format the same way).
            oldFormat.forEach(log -> note(log, "not used: old-format log beside new-format logs"));
            return new NewFormatReplay(this).run(newFormat);
        }
        if (!oldFormat.isEmpty()) {
            return new OldFormatReplay(this).run(oldFormat);
        }
        return null;
    }

    HiveBytes primary() {
        return primary;
    }

    BaseBlock base() {
        return base;
    }

    void note(LogFile log, String text) {
        notes.add(log.label() + ": " + text);
    }

    void note(String text) {
        notes.add(text);
    }

    void markApplied(LogFile log) {
        applied.add(log.path());
    }

    /** The view of the recovered hive: the primary's bytes, grown to hold {@code hiveBinsSize} bytes of bins. */
    OverlayBytes newView(long hiveBinsSize) {
        return new OverlayBytes(primary, Math.max(primary.length(), BaseBlock.SIZE + hiveBinsSize));
    }
}
