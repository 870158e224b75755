package org.hivescan.bytes;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the bytes of one input, little-endian, by absolute offset. There is no read position, so
 * callers never depend on the order of earlier reads. Every public read checks its bounds and reports a short
 * input as a {@link TruncatedInputException} that names the resource.
 */
public abstract class HiveBytes implements Closeable {
    private final String resource;

    protected HiveBytes(String resource) {
        this.resource = resource;
    }

    /**
     * Opens a file read-only. A memory mapping is tried first; where the file system refuses one (some network
     * and FUSE mounts), plain positional reads are used instead. The file is never written.
     */
    public static HiveBytes open(Path file) throws HiveFormatException {
        String name = file.toString();
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | SecurityException e) {
            throw new HiveFormatException(name, "cannot open for reading: " + e, e);
        }
        try {
            return MappedBytes.map(name, channel);
        } catch (IOException | UnsupportedOperationException e) {
            return new PositionalBytes(name, channel);
        }
    }

    /** Opens a file with positional reads only, never mapping it (tests and the mapping fall-back). */
    public static HiveBytes openPositional(Path file) throws HiveFormatException {
        try {
            return new PositionalBytes(file.toString(), FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException | SecurityException e) {
            throw new HiveFormatException(file.toString(), "cannot open for reading: " + e, e);
        }
    }

    /** The file name or description used in every error message. */
    public final String resource() {
        return resource;
    }

    /** The number of readable bytes. */
    public abstract long length();

    public final byte readByte(long offset) throws TruncatedInputException {
        check(offset, 1);
        return getByte(offset);
    }

    public final int readUnsignedByte(long offset) throws TruncatedInputException {
        return readByte(offset) & 0xFF;
    }

    public final int readUnsignedShort(long offset) throws TruncatedInputException {
        check(offset, 2);
        return getShort(offset) & 0xFFFF;
    }

    public final int readInt(long offset) throws TruncatedInputException {
        check(offset, 4);
        return getInt(offset);
    }

    /** A 32-bit field read as an unsigned value. */
    public final long readUnsignedInt(long offset) throws TruncatedInputException {
        return readInt(offset) & 0xFFFF_FFFFL;
    }

    public final long readLong(long offset) throws TruncatedInputException {
        check(offset, 8);
        return getLong(offset);
    }

    /** Copies {@code count} bytes starting at {@code offset} into a new array. */
    public final byte[] readBytes(long offset, int count) throws TruncatedInputException {
        byte[] out = new byte[count];
        readBytes(offset, out, 0, count);
        return out;
    }

    public final void readBytes(long offset, byte[] dst, int dstOffset, int count) throws TruncatedInputException {
        check(offset, count);
        getBytes(offset, dst, dstOffset, count);
    }

    /** True when {@code count} bytes starting at {@code offset} lie inside the input. */
    public final boolean contains(long offset, long count) {
        return offset >= 0 && count >= 0 && offset <= length() - count;
    }

    private void check(long offset, long count) throws TruncatedInputException {
        if (!contains(offset, count)) {
            throw new TruncatedInputException(resource, offset, count, length());
        }
    }

    // The unchecked accessors below are only ever called after check().

    protected abstract byte getByte(long offset);

    protected short getShort(long offset) {
        return (short) ((getByte(offset) & 0xFF) | (getByte(offset + 1) & 0xFF) << 8);
    }

    protected int getInt(long offset) {
        return (getShort(offset) & 0xFFFF) | (getShort(offset + 2) & 0xFFFF) << 16;
    }

    protected long getLong(long offset) {
        return (getInt(offset) & 0xFFFF_FFFFL) | (long) getInt(offset + 4) << 32;
    }

    protected void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOffset + i] = getByte(offset + i);
        }
    }

    @Override
    public void close() throws IOException {
        // Inputs that hold no operating-system resources have nothing to release.
    }
}
