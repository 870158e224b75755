package org.hivescan.container;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.hivescan.bytes.ByteSource;

/**
 * The virtual disk of an image as a {@link ByteSource}: bounds are checked here once, so formats only map
 * in-range reads. Closing it does nothing: the {@link DiskImage} owns the files.
 */
abstract class VirtualDisk implements ByteSource {
    private final String name;
    private final long size;
    private final LongAdder fetched;

    VirtualDisk(String name, long size, LongAdder fetched) {
        this.name = name;
        this.size = size;
        this.fetched = fetched;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IndexOutOfBoundsException("buffer range " + offset + "+" + length + " of " + buffer.length);
        }
        if (position < 0 || position > size - length) {
            throw new EOFException(name + ": read of " + length + " bytes at 0x" + Long.toHexString(position)
                    + " passes the virtual disk size 0x" + Long.toHexString(size));
        }
        if (length > 0) {
            readInside(position, buffer, offset, length);
        }
    }

    /** Reads a range already known to lie inside the disk. */
    abstract void readInside(long position, byte[] buffer, int offset, int length) throws IOException;

    @Override
    public final long bytesFetched() {
        return fetched.sum();
    }

    @Override
    public void close() {
        // the DiskImage closes the files
    }
}
