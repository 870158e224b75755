package org.hivescan.volume;

import java.util.Arrays;

/**
 * A decoded run list: for each run its first VCN, its length in clusters and its LCN, or -1 for a sparse run
 * (mapping pairs with an empty offset field; Linux-NTFS documentation, "Data Runs"). Runs are in VCN order and
 * contiguous.
 */
final class Runs {
    private final long[] vcn;
    private final long[] length;
    private final long[] lcn;
    private final int count;

    Runs(long[] vcn, long[] length, long[] lcn, int count) {
        this.vcn = vcn;
        this.length = length;
        this.lcn = lcn;
        this.count = count;
    }

    /** VCNs stay below 2^40 so VCN x cluster size (at most 2^21) cannot overflow a long. */
    static final long MAX_VCN = 1L << 40;

    static final Runs EMPTY = new Runs(new long[0], new long[0], new long[0], 0);

    /**
     * Decodes the mapping pairs at {@code at} in {@code b}, stopping at a zero header or at {@code end}. Offsets
     * are signed deltas from the previous run's LCN; every run must lie inside the volume's {@code clusters}.
     */
    static Runs decode(byte[] b, int at, int end, long startVcn, long clusters, String resource, long diskOffset)
            throws VolumeFormatException {
        int capacity = Math.max(1, Math.min(16, (end - at) / 2));
        long[] vcn = new long[capacity];
        long[] length = new long[capacity];
        long[] lcn = new long[capacity];
        int n = 0;
        long nextVcn = startVcn;
        long lastLcn = 0;
        int p = at;
        while (true) {
            if (p >= end) {
                throw runError(resource, diskOffset + p, "mapping pairs: expected a terminating 0x00 header inside "
                        + "the attribute, found the attribute ends first");
            }
            int header = Le.u8(b, p);
            if (header == 0) {
                break;
            }
            int lengthBytes = header & 0x0F;
            int offsetBytes = header >>> 4;
            if (lengthBytes == 0 || lengthBytes > 8 || offsetBytes > 8 || p + 1 + lengthBytes + offsetBytes > end) {
                throw runError(resource, diskOffset + p, String.format("run header 0x%02X: expected 1-8 length and "
                        + "0-8 offset bytes inside the attribute", header));
            }
            long runLength = Le.varint(b, p + 1, lengthBytes, false);
            long maxLength = offsetBytes > 0 ? clusters : MAX_VCN - nextVcn;
            if (runLength <= 0 || runLength > maxLength) {
                throw runError(resource, diskOffset + p, "run length: expected 1.." + maxLength + " clusters, found "
                        + Long.toUnsignedString(runLength));
            }
            long runLcn = -1;
            if (offsetBytes > 0) {
                lastLcn += Le.varint(b, p + 1 + lengthBytes, offsetBytes, true);
                if (lastLcn < 0 || lastLcn > clusters - runLength) {
                    throw runError(resource, diskOffset + p, "run LCN: expected clusters 0.." + (clusters - 1)
                            + " of the volume, found " + lastLcn + "+" + runLength + " (past the end)");
                }
                runLcn = lastLcn;
            }
            if (n == vcn.length) {
                if (n >= VolumeFormatLimits.MAX_RUNS) {
                    throw runError(resource, diskOffset + p, "run count: expected at most "
                            + VolumeFormatLimits.MAX_RUNS + ", found more");
                }
                vcn = Arrays.copyOf(vcn, n * 2);
                length = Arrays.copyOf(length, n * 2);
                lcn = Arrays.copyOf(lcn, n * 2);
            }
            vcn[n] = nextVcn;
            length[n] = runLength;
            lcn[n] = runLcn;
            n++;
            nextVcn += runLength;
            p += 1 + lengthBytes + offsetBytes;
        }
        return new Runs(vcn, length, lcn, n);
    }

    private static VolumeFormatException runError(String resource, long offset, String problem) {
        return new VolumeFormatException(resource, offset, "data run list", problem);
    }

    int count() {
        return count;
    }

    /** One past the last VCN mapped. */
    long endVcn() {
        return count == 0 ? 0 : vcn[count - 1] + length[count - 1];
    }

    long vcn(int i) {
        return vcn[i];
    }

    long length(int i) {
        return length[i];
    }

    long lcn(int i) {
        return lcn[i];
    }

    /** The index of the run holding {@code v}, or -1 when no run maps it. */
    int find(long v) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (v < vcn[mid]) {
                hi = mid - 1;
            } else if (v >= vcn[mid] + length[mid]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Joins extents given in VCN order; the caller has checked they are contiguous. */
    static Runs concat(Iterable<Runs> extents) {
        int total = 0;
        for (Runs r : extents) {
            total += r.count;
        }
        long[] vcn = new long[total];
        long[] length = new long[total];
        long[] lcn = new long[total];
        int n = 0;
        for (Runs r : extents) {
            System.arraycopy(r.vcn, 0, vcn, n, r.count);
            System.arraycopy(r.length, 0, length, n, r.count);
            System.arraycopy(r.lcn, 0, lcn, n, r.count);
            n += r.count;
        }
        return new Runs(vcn, length, lcn, n);
    }
}
