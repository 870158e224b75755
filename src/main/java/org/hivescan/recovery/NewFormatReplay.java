package org.hivescan.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.OverlayBytes;
import org.hivescan.format.BaseBlock;
import org.hivescan.format.Offsets;

/**
 * Recovery from new-format logs (§New format, §Multiple transaction log files / New format). With a valid primary
 * base block, every log whose entries start at or after the primary's secondary sequence number is used, the one
 * with earlier entries first; each later log must continue at N+1 after the last entry applied. With an invalid
 * primary base block, only the log with the latest entries is used, and its base-block copy replaces the primary's.
 */
final class NewFormatReplay {
    private static final int COPY_CHUNK = 64 * 1024;

    private final Replay replay;
    private final BaseBlock base;

    NewFormatReplay(Replay replay) {
        this.replay = replay;
        this.base = replay.base();
    }

    OverlayBytes run(List<LogFile> logs) throws HiveFormatException {
        List<Planned> plan = base.checksumValid() ? planWithValidBase(logs) : planWithInvalidBase(logs);
        return plan.isEmpty() ? null : apply(plan);
    }

    private List<Planned> planWithValidBase(List<LogFile> logs) throws HiveFormatException {
        List<LogFile> eligible = new ArrayList<>();
        for (LogFile log : logs) {
            String foreign = HiveIdentity.mismatch(replay.primary(), base, log, true);
            if (SequenceNumbers.compare(log.startSequence(), base.secondarySequence()) < 0) {
                // §New format Note 7: the first entry may not precede the primary's secondary sequence number.
                replay.note(log, "rejected: stale: its entries start at sequence " + SequenceNumbers.text(
                        log.startSequence()) + ", before the primary's secondary sequence number "
                        + SequenceNumbers.text(base.secondarySequence()) + " (already written to the primary)");
            } else if (foreign != null) {
                replay.note(log, "rejected: wrong hive: " + foreign);
            } else {
                eligible.add(log);
            }
        }
        eligible.sort(Comparator.comparing(LogFile::startSequence, SequenceNumbers::compare));
        return chain(eligible);
    }

    /** Takes the logs in order, each continuing where the previous one stopped. */
    private List<Planned> chain(List<LogFile> ordered) {
        List<Planned> plan = new ArrayList<>();
        for (LogFile log : ordered) {
            if (!plan.isEmpty() && log.startSequence() != last(plan).scan().last() + 1) {
                replay.note(log, "not applied: its entries start at sequence " + SequenceNumbers.text(
                        log.startSequence()) + ", but recovery continues at " + SequenceNumbers.text(
                        last(plan).scan().last() + 1));
                continue;
            }
            EntryScan scan = new NewFormatLog(log).scan(log.startSequence());
            if (scan.entries().isEmpty()) {
                replay.note(log, "rejected: " + kind(scan.stop()) + ": no entry with the expected sequence number "
                        + SequenceNumbers.text(log.startSequence()) + " (" + scan.detail() + ")");
                if (plan.isEmpty()) {
                    stopAll(ordered, log); // Note 7: without the first expected entry, recovery stops
                    break;
                }
                continue;
            }
            plan.add(new Planned(log, scan));
        }
        return plan;
    }

    private void stopAll(List<LogFile> ordered, LogFile failed) {
        for (LogFile other : ordered.subList(ordered.indexOf(failed) + 1, ordered.size())) {
            replay.note(other, "not applied: recovery stopped at the log with the earlier entries");
        }
    }

    private List<Planned> planWithInvalidBase(List<LogFile> logs) {
        LogFile latest = logs.stream().max(Comparator.comparing(LogFile::startSequence, SequenceNumbers::compare))
                .orElseThrow();
        for (LogFile log : logs) {
            if (log != latest) {
                replay.note(log, "not used: the primary's base block is invalid, so only the log with the latest "
                        + "entries is used");
            }
        }
        return chain(List.of(latest));
    }

    private OverlayBytes apply(List<Planned> plan) throws HiveFormatException {
        LogEntry lastEntry = last(plan).scan().entries().get(last(plan).scan().entries().size() - 1);
        OverlayBytes view = replay.newView(lastEntry.hiveBinsSize());
        for (Planned p : plan) {
            for (LogEntry entry : p.scan().entries()) {
                copyPages(p.log().bytes(), entry, view);
            }
            replay.markApplied(p.log());
            replay.note(p.log(), describe(p.scan()));
        }
        RecoveredBaseBlock block = base.checksumValid() ? RecoveredBaseBlock.fromPrimary(replay.primary())
                : RecoveredBaseBlock.fromLog(last(plan).log());
        byte[] raw = block.sequence(lastEntry.sequence()).hiveBinsSize(lastEntry.hiveBinsSize())
                .lockedFlag(lastEntry.flags()).bytes();
        view.write(0, raw, 0, raw.length);
        BinRepair.replaceBadLoggedBins(view, lastEntry.hiveBinsSize(), replay);
        return view;
    }

    /** Writes an entry's pages to the offsets its references give (§New format / Log entries). */
    private static void copyPages(HiveBytes log, LogEntry entry, OverlayBytes view) throws HiveFormatException {
        long from = entry.pagesOffset();
        byte[] buffer = new byte[COPY_CHUNK];
        for (int i = 0; i < entry.pageCount(); i++) {
            long target = Offsets.toFile(log.readUnsignedInt(entry.referencesOffset() + 8L * i));
            long size = log.readUnsignedInt(entry.referencesOffset() + 8L * i + 4);
            for (long done = 0; done < size; ) {
                int n = (int) Math.min(buffer.length, size - done);
                log.readBytes(from + done, buffer, 0, n);
                view.write(target + done, buffer, 0, n);
                done += n;
            }
            from += size;
        }
    }

    private static String describe(EntryScan scan) {
        String text = "new format: applied entries " + SequenceNumbers.text(scan.first()) + ".."
                + SequenceNumbers.text(scan.last()) + " (" + scan.entries().size() + " entries, " + scan.pageCount()
                + " pages)";
        return scan.stop().normal() ? text
                : text + "; then stopped: " + kind(scan.stop()) + ": " + scan.detail();
    }

    private static String kind(EntryScan.Stop stop) {
        return switch (stop) {
            case END, OLDER_ENTRY -> "no new entries";
            case GAP -> "sequence gap";
            case BAD_HASH -> "bad hash";
            case TRUNCATED -> "truncated";
            case INVALID -> "invalid entry";
        };
    }

    private static Planned last(List<Planned> plan) {
        return plan.get(plan.size() - 1);
    }

    /** A log and the entries to apply from it. */
    private record Planned(LogFile log, EntryScan scan) {
    }
}
