package org.hivescan.recovery;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.OverlayBytes;
import org.hivescan.format.HiveBin;
import org.hivescan.format.Offsets;

/**
 * Writes an old-format log's dirty pages into the view (§Dirty pages). Page i of the bitmap goes to file offset
 * 4096 + 512·i (Note 2). Contiguous dirty pages of one hive bin are written together, after that bin's header (as
 * it will read once written) is checked: "hbin" signature, its own offset, a size of at least 4096 that keeps it
 * inside the logged hive bins. Recovery stops at the first bin that fails, and that bin is not written.
 *
 * <p>The bins are followed as one chain from offset 0, so every header is read once; each step moves forward by at
 * least 4096 bytes and stops at the logged hive-bins size.
 */
final class DirtyPageWriter {
    private static final int PAGE = OldFormatLog.PAGE;
    private static final int CHUNK = 64 * 1024;

    private final OldFormatLog log;
    private final HiveBytes logBytes;
    private final OverlayBytes view;
    private final byte[] buffer = new byte[CHUNK];
    private long binStart;
    private long binEnd;
    private long applied;

    DirtyPageWriter(OldFormatLog log, OverlayBytes view) {
        this.log = log;
        this.logBytes = log.log().bytes();
        this.view = view;
    }

    /** Writes every dirty run; returns null when all were written, else why recovery stopped. */
    String writeAll() throws HiveFormatException {
        long logPage = 0;
        long bits = log.pageBits();
        long page = 0;
        while (page < bits) {
            if (!log.dirty(page)) {
                page++;
                continue;
            }
            long end = page;
            while (end < bits && log.dirty(end)) {
                end++;
            }
            String stop = writeRun(page * PAGE, end * PAGE, log.pagesOffset() + logPage * PAGE);
            if (stop != null) {
                return stop;
            }
            logPage += end - page;
            page = end;
        }
        return null;
    }

    /** Pages written so far. */
    long applied() {
        return applied;
    }

    /** Writes the run of hive-bin bytes [start, end) whose data starts at {@code logOffset} in the log. */
    private String writeRun(long start, long end, long logOffset) throws HiveFormatException {
        long pos = start;
        while (pos < end) {
            String bad = advanceTo(pos, start, end, logOffset);
            if (bad != null) {
                return bad;
            }
            long segmentEnd = Math.min(end, binEnd);
            long from = logOffset + (pos - start);
            if (!logBytes.contains(from, segmentEnd - pos)) {
                return "truncated: the dirty pages for " + Offsets.hex(Offsets.toFile(pos)) + ".."
                        + Offsets.hex(Offsets.toFile(segmentEnd)) + " are missing from the log (it ends at "
                        + Offsets.hex(logBytes.length()) + ")";
            }
            copy(from, Offsets.toFile(pos), segmentEnd - pos);
            applied += (segmentEnd - pos) / PAGE;
            pos = segmentEnd;
        }
        return null;
    }

    /** Follows the bin chain until the bin holding {@code pos}; returns why a bin on the way is invalid. */
    private String advanceTo(long pos, long runStart, long runEnd, long runLog) throws HiveFormatException {
        while (binEnd <= pos) {
            binStart = binEnd;
            boolean logged = binStart >= runStart && binStart + HiveBin.HEADER_SIZE <= runEnd;
            HiveBytes source = logged ? logBytes : view;
            long at = logged ? runLog + (binStart - runStart) : Offsets.toFile(binStart);
            String problem = headerProblem(source, at);
            if (problem != null) {
                return (logged ? "invalid dirty hive bin" : "invalid hive bin") + " at "
                        + Offsets.hex(Offsets.toFile(binStart)) + ": " + problem;
            }
            binEnd = binStart + source.readUnsignedInt(at + 8);
        }
        return null;
    }

    private String headerProblem(HiveBytes source, long at) throws HiveFormatException {
        if (!source.contains(at, HiveBin.HEADER_SIZE)) {
            return "header missing (file ends at " + Offsets.hex(source.length()) + ")";
        }
        int signature = source.readInt(at);
        if (signature != HiveBin.SIGNATURE) {
            return String.format("signature 0x%08X, expected \"hbin\"", signature);
        }
        long self = source.readUnsignedInt(at + 4);
        if (self != binStart) {
            return "offset field " + Offsets.hex(self) + ", expected " + Offsets.hex(binStart);
        }
        long size = source.readUnsignedInt(at + 8);
        if (size < HiveBin.ALIGNMENT || size % HiveBin.ALIGNMENT != 0 || binStart + size > log.hiveBinsSize()) {
            return "size " + size + " is not a multiple of 4096 that fits the logged hive bins ("
                    + log.hiveBinsSize() + " bytes)";
        }
        return null;
    }

    private void copy(long from, long to, long count) throws HiveFormatException {
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(buffer.length, count - done);
            logBytes.readBytes(from + done, buffer, 0, n);
            view.write(to + done, buffer, 0, n);
            done += n;
        }
    }
}
