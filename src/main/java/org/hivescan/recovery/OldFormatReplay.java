package org.hivescan.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.OverlayBytes;
import org.hivescan.format.BaseBlock;
import org.hivescan.format.HiveBin;
import org.hivescan.format.Offsets;

/**
 * Recovery from an old-format log (§Old format, §Multiple transaction log files / Old format). One log is applied:
 * a valid log whose last-written timestamp equals the primary's (§Old format / Base block Note 3), LOG1 first; failing
 * that, a newer LOG2, as the Windows 8 kernel does. When the primary's base block is invalid, its first hive bin's
 * timestamp stands in for the last-written one; that bin is itself among the pages being rewritten, so it may lag
 * behind the log and any log at least as new is taken, the newest first.
 */
final class OldFormatReplay {
    /** There is no first bin to take a timestamp from: every log is as good as any other. */
    private static final long NO_REFERENCE = Long.MIN_VALUE;

    private final Replay replay;
    private final BaseBlock base;
    private final boolean validBase;

    OldFormatReplay(Replay replay) {
        this.replay = replay;
        this.base = replay.base();
        this.validBase = base.checksumValid();
    }

    OverlayBytes run(List<LogFile> logs) throws HiveFormatException {
        List<OldFormatLog> candidates = candidates(logs);
        if (candidates.isEmpty()) {
            return null;
        }
        long reference = referenceTimestamp();
        OldFormatLog chosen = choose(candidates, reference);
        for (OldFormatLog other : candidates) {
            if (other != chosen) {
                replay.note(other.log(), timestampVerdict(other, reference, chosen));
            }
        }
        return chosen == null ? null : apply(chosen);
    }

    private List<OldFormatLog> candidates(List<LogFile> logs) throws HiveFormatException {
        List<OldFormatLog> out = new ArrayList<>();
        for (LogFile log : logs) {
            OldFormatLog.Parsed parsed = OldFormatLog.parse(log);
            String foreign = validBase ? HiveIdentity.mismatch(replay.primary(), base, log, false) : null;
            if (parsed.problem() != null) {
                replay.note(log, "rejected: " + parsed.problem());
            } else if (foreign != null) {
                replay.note(log, "rejected: wrong hive: " + foreign);
            } else {
                out.add(parsed.log());
            }
        }
        out.sort(Comparator.comparing(l -> l.log().role()));
        return out;
    }

    /** The primary's last-written timestamp, or the first bin's copy of it when the base block is invalid. */
    private long referenceTimestamp() throws HiveFormatException {
        if (validBase) {
            return base.lastWritten();
        }
        HiveBytes primary = replay.primary();
        long firstBin = Offsets.toFile(0);
        boolean hasBin = primary.contains(firstBin, HiveBin.HEADER_SIZE)
                && primary.readInt(firstBin) == HiveBin.SIGNATURE;
        return hasBin ? primary.readLong(firstBin + 20) : NO_REFERENCE;
    }

    private OldFormatLog choose(List<OldFormatLog> candidates, long reference) {
        if (!validBase) {
            return newestNotOlderThan(candidates, reference);
        }
        for (OldFormatLog l : candidates) {
            if (l.timestamp() == reference) {
                return l;
            }
        }
        return newerSecondLog(candidates, reference);
    }

    /** With an invalid primary base block: the newest log not older than the first bin (LOG1 on a tie). */
    private static OldFormatLog newestNotOlderThan(List<OldFormatLog> candidates, long reference) {
        Comparator<OldFormatLog> newest = Comparator.comparing(OldFormatLog::timestamp, Long::compareUnsigned);
        Comparator<OldFormatLog> log1First = Comparator.comparing(l -> l.log().role(), Comparator.reverseOrder());
        return candidates.stream()
                .filter(l -> reference == NO_REFERENCE || Long.compareUnsigned(l.timestamp(), reference) >= 0)
                .max(newest.thenComparing(log1First)).orElse(null);
    }

    /** The Windows 8 rule: LOG2 is used when LOG1 cannot be and LOG2 holds the more recent log. */
    private static OldFormatLog newerSecondLog(List<OldFormatLog> candidates, long reference) {
        OldFormatLog log1 = byRole(candidates, LogRole.LOG1);
        OldFormatLog log2 = byRole(candidates, LogRole.LOG2);
        boolean newer = log2 != null && Long.compareUnsigned(log2.timestamp(), reference) > 0
                && (log1 == null || Long.compareUnsigned(log2.timestamp(), log1.timestamp()) > 0);
        return newer ? log2 : null;
    }

    private static OldFormatLog byRole(List<OldFormatLog> candidates, LogRole role) {
        return candidates.stream().filter(l -> l.log().role() == role).findFirst().orElse(null);
    }

    private String timestampVerdict(OldFormatLog log, long reference, OldFormatLog chosen) {
        if (chosen != null && Long.compareUnsigned(log.timestamp(), reference) >= 0) {
            return "not applied: another log was chosen (" + chosen.log().label() + ")";
        }
        String stamps = String.format("log 0x%016X, primary's %s 0x%016X", log.timestamp(),
                validBase ? "base block" : "first hive bin", reference);
        boolean older = Long.compareUnsigned(log.timestamp(), reference) < 0;
        return "rejected: its last-written timestamp does not match the primary's (" + stamps + "): "
                + (older ? "the log is stale or belongs to another hive" : "it belongs to another hive or a later state");
    }

    private OverlayBytes apply(OldFormatLog log) throws HiveFormatException {
        OverlayBytes view = replay.newView(log.hiveBinsSize());
        DirtyPageWriter writer = new DirtyPageWriter(log, view);
        String stop = writer.writeAll();
        if (writer.applied() == 0 && validBase) {
            replay.note(log.log(), "rejected: " + (stop != null ? stop : "its dirty vector marks no page"));
            return null;
        }
        byte[] block = recoveredBaseBlock(log);
        view.write(0, block, 0, block.length);
        replay.markApplied(log.log());
        String text = "old format: applied " + writer.applied() + " of " + log.dirtyPageCount() + " dirty pages"
                + (validBase ? "" : "; base block recovered from this log");
        replay.note(log.log(), stop == null ? text : text + "; then stopped: " + stop);
        return view;
    }

    /**
     * The primary's base block, or the log's copy when the primary's is invalid (§Old format / Base block Note 4),
     * with the logged hive-bins size and both sequence numbers equal to the primary sequence number that began the
     * interrupted write (since Vista the log carries that same number twice, Note 2).
     */
    private byte[] recoveredBaseBlock(OldFormatLog log) throws HiveFormatException {
        RecoveredBaseBlock block = validBase ? RecoveredBaseBlock.fromPrimary(replay.primary())
                : RecoveredBaseBlock.fromLog(log.log());
        int sequence = validBase ? base.primarySequence() : log.log().header().primarySequence();
        return block.sequence(sequence).hiveBinsSize(log.hiveBinsSize()).bytes();
    }
}
