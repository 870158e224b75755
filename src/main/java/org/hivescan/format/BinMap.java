package org.hivescan.format;

import java.util.ArrayList;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

/**
 * The chain of hive bins, walked once at open (§Hive bin). It answers which bin holds a relative offset, so that
 * every cell reference can be checked against its bin before it is trusted. Only headers are read, so this stays
 * cheap even for hives of hundreds of megabytes.
 *
 * <p>The declared hive-bins size is used only where the file really holds that much; padding or garbage after the
 * last bin is allowed (§Format of primary files). A broken header is reported and the walk looks for the next
 * intact bin at the following 4096-byte boundaries, so one damaged bin does not hide the rest of the hive.
 */
public final class BinMap {
    private final List<HiveBin> bins;
    private final long limit;
    /**
     * Bin index per 4096-byte page of bin data (-1 where no intact bin lies). Bins start on 4096-byte
     * boundaries, so this answers "which bin holds this offset" in one array read; it costs 4 bytes per page,
     * 1 MiB for the largest possible hive.
     */
    private final int[] binOfPage;
    /**
     * The bounds of bin i, copied out of the records into plain arrays: resolving a cell reads them for every
     * structure of a walk, and two array reads beat a list lookup and a pointer chase (issue 2 benchmark).
     */
    private final long[] binStarts;
    private final long[] binEnds;

    private BinMap(List<HiveBin> bins, long limit) {
        this.bins = List.copyOf(bins);
        this.limit = limit;
        binOfPage = new int[(int) (limit / HiveBin.ALIGNMENT)];
        binStarts = new long[bins.size()];
        binEnds = new long[bins.size()];
        java.util.Arrays.fill(binOfPage, -1);
        for (int i = 0; i < bins.size(); i++) {
            HiveBin bin = bins.get(i);
            binStarts[i] = bin.offset();
            binEnds[i] = bin.end();
            java.util.Arrays.fill(binOfPage, (int) (bin.offset() / HiveBin.ALIGNMENT),
                    (int) (bin.end() / HiveBin.ALIGNMENT), i);
        }
    }

    public static BinMap scan(HiveBytes bytes, BaseBlock base, ProblemSink sink) throws HiveFormatException {
        long available = Math.max(0, bytes.length() - Offsets.BINS_START);
        long declared = base.hiveBinsDataSize();
        long limit = declared;
        if (declared == 0 || declared % HiveBin.ALIGNMENT != 0 || declared > available) {
            limit = available - available % HiveBin.ALIGNMENT;
            sink.report(new HiveFormatException(bytes.resource(), 40, "base block hive-bins data size",
                    "expected a non-zero multiple of 4096 no larger than the file's " + available
                            + " bytes of bin data, found " + declared + "; using " + limit));
        } else if (!base.checksumValid()) {
            // A base block with a wrong checksum is not trusted: the bins that are really there decide (the
            // "effective size" reading of yarp).
            limit = available - available % HiveBin.ALIGNMENT;
        }
        List<HiveBin> bins = new ArrayList<>();
        long rel = 0;
        while (rel + HiveBin.HEADER_SIZE <= limit) {
            String problem = headerProblem(bytes, rel, limit);
            if (problem == null) {
                HiveBin bin = new HiveBin(rel, bytes.readUnsignedInt(Offsets.toFile(rel) + 8),
                        bytes.readLong(Offsets.toFile(rel) + 20));
                bins.add(bin);
                rel = bin.end();
                continue;
            }
            if (bins.size() > 0 && limit > declared && rel >= declared) {
                // Past the declared size of an untrusted base block: the end of the real bins, not damage.
                break;
            }
            sink.report(new HiveFormatException(bytes.resource(), Offsets.toFile(rel), "hive bin header", problem));
            long next = nextIntactBin(bytes, rel + HiveBin.ALIGNMENT, limit);
            if (next < 0) {
                break;
            }
            rel = next;
        }
        // Cells must lie inside bins, so the walked bins, not the declared size, bound every offset from here on.
        return new BinMap(bins, bins.isEmpty() ? 0 : bins.get(bins.size() - 1).end());
    }

    /** Why the bin header at {@code rel} cannot be used, or null when it is sound. */
    private static String headerProblem(HiveBytes bytes, long rel, long limit) throws HiveFormatException {
        long at = Offsets.toFile(rel);
        int signature = bytes.readInt(at);
        if (signature != HiveBin.SIGNATURE) {
            return String.format("signature: expected \"hbin\", found 0x%08X", signature);
        }
        long self = bytes.readUnsignedInt(at + 4);
        if (self != rel) {
            return "self-offset: expected " + Offsets.hex(rel) + ", found " + Offsets.hex(self);
        }
        long size = bytes.readUnsignedInt(at + 8);
        if (size < HiveBin.ALIGNMENT || size % HiveBin.ALIGNMENT != 0) {
            return "size: expected a non-zero multiple of 4096, found " + size;
        }
        if (rel + size > limit) {
            return "size: expected the bin to end by " + Offsets.hex(Offsets.toFile(limit)) + ", found it ends at "
                    + Offsets.hex(Offsets.toFile(rel + size));
        }
        return null;
    }

    private static long nextIntactBin(HiveBytes bytes, long from, long limit) throws HiveFormatException {
        for (long rel = from; rel + HiveBin.HEADER_SIZE <= limit; rel += HiveBin.ALIGNMENT) {
            // Test the signature before building a message: a log can grow a hive to 4 GiB of zeros, and a
            // formatted problem per 4 KiB boundary allocated 1.7 GB there (testdata/regress/log-grows-hive-to-4gib).
            if (bytes.readInt(Offsets.toFile(rel)) == HiveBin.SIGNATURE && headerProblem(bytes, rel, limit) == null) {
                return rel;
            }
        }
        return -1;
    }

    public List<HiveBin> bins() {
        return bins;
    }

    /** The end of the last intact bin, relative to the hive-bins data. */
    public long limit() {
        return limit;
    }

    /** The index of the bin holding relative offset {@code rel}, or -1 when none does. */
    public int binIndexOf(long rel) {
        long page = rel / HiveBin.ALIGNMENT;
        return rel < 0 || page >= binOfPage.length ? -1 : binOfPage[(int) page];
    }

    /** Where bin {@code index} starts, relative to the hive-bins data. */
    public long binStart(int index) {
        return binStarts[index];
    }

    /** Where bin {@code index} ends (exclusive), relative to the hive-bins data. */
    public long binEnd(int index) {
        return binEnds[index];
    }
}
