package org.hivescan.recovery;

import java.util.ArrayList;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.HiveBin;
import org.hivescan.format.Offsets;
import org.hivescan.recovery.EntryScan.Stop;

/**
 * Reads the log entries of a new-format ("HvLE") log (§New format / Log entries). Entries start at the second
 * sector, each at a 512-byte boundary, with no gaps. Every size read from the file is checked against the file
 * before it is used, and each step moves forward by at least 512 bytes, so a scan ends within length/512 steps.
 */
final class NewFormatLog {
    static final int SIGNATURE = 0x454C7648; // "HvLE"
    private static final int ENTRY_ALIGNMENT = 512;

    private final LogFile log;
    private final HiveBytes bytes;

    NewFormatLog(LogFile log) {
        this.log = log;
        this.bytes = log.bytes();
    }

    /** The consecutive entries numbered {@code first}, first+1, ... from the start of the log (Note 7). */
    EntryScan scan(int first) {
        List<LogEntry> entries = new ArrayList<>();
        long pos = LogFile.HEADER_SIZE;
        int expected = first;
        while (true) {
            Verdict v;
            try {
                v = inspect(pos, expected);
            } catch (HiveFormatException e) {
                // inspect() checks every range first; a failed read here still only ends the scan.
                v = Verdict.stop(Stop.TRUNCATED, e.getMessage());
            }
            if (v.entry == null) {
                return new EntryScan(List.copyOf(entries), v.stop, v.detail, pos);
            }
            entries.add(v.entry);
            pos += v.entry.size();
            expected++;
        }
    }

    /** The entry at {@code pos} if it is the one expected, else why the scan stops there. */
    private Verdict inspect(long pos, int expected) throws HiveFormatException {
        Verdict framing = framing(pos);
        if (framing != null) {
            return framing;
        }
        long size = bytes.readUnsignedInt(pos + 4);
        String headerProblem = headerProblem(pos, size);
        if (headerProblem != null) {
            return Verdict.stop(Stop.INVALID, at(pos) + headerProblem);
        }
        // Hash-2 covers the header (sequence number included), so it is checked before the sequence number is
        // trusted; Hash-1, over the whole body, only for the entry that is wanted (Notes 1-2).
        String hash2 = hashProblem(pos + 32, pos, 32, "Hash-2");
        if (hash2 != null) {
            return Verdict.stop(Stop.BAD_HASH, at(pos) + hash2);
        }
        int sequence = bytes.readInt(pos + 12);
        if (sequence != expected) {
            Stop kind = SequenceNumbers.compare(sequence, expected) < 0 ? Stop.OLDER_ENTRY : Stop.GAP;
            return Verdict.stop(kind, at(pos) + "entry has sequence number " + SequenceNumbers.text(sequence)
                    + ", expected " + SequenceNumbers.text(expected));
        }
        String hash1 = hashProblem(pos + 24, pos + LogEntry.HEADER_SIZE, size - LogEntry.HEADER_SIZE, "Hash-1");
        if (hash1 != null) {
            return Verdict.stop(Stop.BAD_HASH, at(pos) + hash1);
        }
        LogEntry entry = new LogEntry(pos, size, bytes.readInt(pos + 8), sequence, bytes.readUnsignedInt(pos + 16),
                bytes.readInt(pos + 20));
        String refs = referencesProblem(entry);
        return refs == null ? Verdict.take(entry) : Verdict.stop(Stop.INVALID, at(pos) + refs);
    }

    /** Whether an entry starts at {@code pos} and fits in the file: null when it does, else why not. */
    private Verdict framing(long pos) throws HiveFormatException {
        long available = bytes.length() - pos;
        if (available < LogEntry.HEADER_SIZE) {
            return available >= 4 && bytes.readInt(pos) == SIGNATURE
                    ? Verdict.stop(Stop.TRUNCATED, at(pos) + "the file ends inside an entry header")
                    : Verdict.stop(Stop.END, at(pos) + "end of file");
        }
        if (bytes.readInt(pos) != SIGNATURE) {
            return Verdict.stop(Stop.END, at(pos) + "no further \"HvLE\" entry");
        }
        long size = bytes.readUnsignedInt(pos + 4);
        if (size < ENTRY_ALIGNMENT || size % ENTRY_ALIGNMENT != 0) {
            return Verdict.stop(Stop.INVALID, at(pos) + "entry size " + size + " is not a non-zero multiple of 512");
        }
        if (size > available) {
            return Verdict.stop(Stop.TRUNCATED, at(pos) + "entry of " + size + " bytes runs past the end of the file ("
                    + available + " bytes left)");
        }
        return null;
    }

    /** The size fields of the header (Note 8: the hive-bins size must be a multiple of 4096). */
    private String headerProblem(long pos, long size) throws HiveFormatException {
        long hiveBins = bytes.readUnsignedInt(pos + 16);
        if (hiveBins < HiveBin.ALIGNMENT || hiveBins % HiveBin.ALIGNMENT != 0) {
            return "hive-bins data size " + hiveBins + " is not a non-zero multiple of 4096";
        }
        long pages = bytes.readUnsignedInt(pos + 20);
        if (pages == 0 || LogEntry.HEADER_SIZE + 8 * pages > size) {
            return "dirty page count " + pages + " does not fit an entry of " + size + " bytes";
        }
        return null;
    }

    private String hashProblem(long storedAt, long from, long length, String name) throws HiveFormatException {
        long stored = bytes.readLong(storedAt);
        long computed = Marvin32.hash(bytes, from, length, Marvin32.LOG_ENTRY_SEED);
        return stored == computed ? null
                : String.format("%s mismatch (stored 0x%016X, computed 0x%016X)", name, stored, computed);
    }

    /** Every page must lie inside the entry and inside the hive bins the entry describes. */
    private String referencesProblem(LogEntry e) throws HiveFormatException {
        long data = e.pagesOffset();
        long end = e.offset() + e.size();
        for (int i = 0; i < e.pageCount(); i++) {
            long target = bytes.readUnsignedInt(e.referencesOffset() + 8L * i);
            long size = bytes.readUnsignedInt(e.referencesOffset() + 8L * i + 4);
            if (size == 0 || size % ENTRY_ALIGNMENT != 0 || target % ENTRY_ALIGNMENT != 0) {
                return "page reference " + i + " (offset " + Offsets.hex(target) + ", size " + size
                        + ") is not aligned to 512 bytes";
            }
            if (target + size > e.hiveBinsSize()) {
                return "page reference " + i + " ends at " + Offsets.hex(target + size)
                        + ", past the entry's hive-bins data size " + Offsets.hex(e.hiveBinsSize());
            }
            if (data + size > end) {
                return "page " + i + " runs past the end of the entry";
            }
            data += size;
        }
        return null;
    }

    private String at(long pos) {
        return "at log offset " + Offsets.hex(pos) + ": ";
    }

    LogFile log() {
        return log;
    }

    /** Either an entry to take or the reason to stop. */
    private record Verdict(LogEntry entry, Stop stop, String detail) {
        static Verdict take(LogEntry entry) {
            return new Verdict(entry, null, null);
        }

        static Verdict stop(Stop stop, String detail) {
            return new Verdict(null, stop, detail);
        }
    }
}
