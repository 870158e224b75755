package org.hivescan.volume;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.hivescan.bytes.ByteSource;

/**
 * The bytes of a non-resident stream, fetched lazily run by run from the volume: sparse runs and everything past
 * the initialized (valid data) size read as zeros, as NTFS itself returns them. Holds no read position, so many
 * threads may read at once.
 */
final class NtfsFileSource implements ByteSource {
    private final ByteSource volume;
    private final Runs runs;
    private final int clusterSize;
    private final long dataSize;
    private final long initialized;
    private final String name;
    private final long volumeDiskOffset;

    NtfsFileSource(ByteSource volume, Runs runs, int clusterSize, long dataSize, long initialized, String name,
            long volumeDiskOffset) {
        this.volume = volume;
        this.runs = runs;
        this.clusterSize = clusterSize;
        this.dataSize = dataSize;
        this.initialized = initialized;
        this.name = name;
        this.volumeDiskOffset = volumeDiskOffset;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return dataSize;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (position < 0 || length < 0 || position > dataSize - length) {
            throw new EOFException(String.format("%s: read of %d byte(s) at 0x%X passes the end of the file 0x%X",
                    name, length, position, dataSize));
        }
        long pos = position;
        int off = offset;
        int left = length;
        while (left > 0) {
            if (pos >= initialized) {
                Arrays.fill(buffer, off, off + left, (byte) 0);
                return;
            }
            int chunk = readRun(pos, buffer, off, (int) Math.min(left, initialized - pos));
            pos += chunk;
            off += chunk;
            left -= chunk;
        }
    }

    /** Reads what the run holding {@code pos} covers of the request; returns the bytes produced. */
    private int readRun(long pos, byte[] buffer, int off, int want) throws IOException {
        long vcn = pos / clusterSize;
        int run = runs.find(vcn);
        if (run < 0) {
            throw new VolumeFormatException(name, volumeDiskOffset, "data run list", String.format(
                    "VCN %d (file offset 0x%X): expected a run mapping it below the initialized size 0x%X, found "
                            + "none (runs end at VCN %d)", vcn, pos, initialized, runs.endVcn()));
        }
        long runStart = runs.vcn(run) * clusterSize;
        long runEnd = runStart + runs.length(run) * clusterSize;
        int chunk = (int) Math.min(want, runEnd - pos);
        long lcn = runs.lcn(run);
        if (lcn < 0) {
            Arrays.fill(buffer, off, off + chunk, (byte) 0);
        } else {
            volume.readFully(lcn * clusterSize + (pos - runStart), buffer, off, chunk);
        }
        return chunk;
    }

    /** The disk offset of stream byte {@code pos}, for error messages; the volume start when it is unmapped. */
    long diskOffsetOf(long pos) {
        int run = runs.find(pos / clusterSize);
        if (run < 0 || runs.lcn(run) < 0) {
            return volumeDiskOffset;
        }
        return volumeDiskOffset + runs.lcn(run) * clusterSize + (pos - runs.vcn(run) * clusterSize);
    }

    /** Runs in the stream, for reports on fragmentation. */
    int runCount() {
        return runs.count();
    }

    @Override
    public long bytesFetched() {
        return volume.bytesFetched();
    }

    @Override
    public void close() {
    }
}
