package org.hivescan.volume;

import java.io.EOFException;
import java.io.IOException;
import org.hivescan.bytes.ByteSource;

/** A window of a disk: a partition seen as its own byte source, offsets relative to its first byte. */
public final class SliceSource implements ByteSource {
    private final ByteSource disk;
    private final long start;
    private final long length;
    private final String name;

    /** The caller has checked that the window lies inside the disk. */
    public SliceSource(ByteSource disk, long start, long length, String name) {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("negative window " + start + "+" + length);
        }
        this.disk = disk;
        this.start = start;
        this.length = length;
        this.name = name;
    }

    /** Where the window starts on the underlying disk (for error messages in disk offsets). */
    public long start() {
        return start;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int count) throws IOException {
        if (position < 0 || count < 0 || position > length - count) {
            throw new EOFException(String.format("%s: read of %d byte(s) at 0x%X passes the end 0x%X", name, count,
                    position, length));
        }
        disk.readFully(start + position, buffer, offset, count);
    }

    @Override
    public long bytesFetched() {
        return disk.bytesFetched();
    }

    /** The disk stays open: it belongs to whoever opened it. */
    @Override
    public void close() {
    }
}
