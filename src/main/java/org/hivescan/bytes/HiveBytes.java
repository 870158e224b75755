package org.hivescan.bytes;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the bytes of one input, little-endian, by absolute offset. There is no read position, so
 * callers never depend on the order of earlier reads, and every implementation may be read from several threads at
 * once. Every public read checks its bounds and reports a short input as a {@link TruncatedInputException} that
 * names the resource.
 *
 * <p>After {@link #close()} every read throws {@link HiveClosedException}. A read already past its checks when
 * another thread closes still completes safely: a memory mapping is never unmapped eagerly (the garbage collector
 * releases it once nothing refers to it), so no read can touch unmapped memory and crash the JVM.
 */
public abstract class HiveBytes implements Closeable {
    private final String resource;
    private volatile boolean closed;

    protected HiveBytes(String resource) {
        this.resource = resource;
    }

    /**
     * Opens a file read-only. A memory mapping is tried first; where the file system refuses one (some network
     * and FUSE mounts), cached positional reads are used instead. The file is never written.
     */
    public static HiveBytes open(Path file) throws HiveFormatException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new HiveFormatException(name, "is a folder, not a file", null);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | SecurityException e) {
            throw new HiveFormatException(name, cannotOpen(e), e);
        }
        return open(name, channel);
    }

    /** Why a file cannot be opened, in the user's words rather than an exception's class name. */
    static String cannotOpen(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : String.valueOf(e.getMessage());
        return "cannot open for reading: " + reason;
    }

    /** Maps an open channel, or reads it positionally when it cannot be mapped; takes ownership of the channel. */
    static HiveBytes open(String name, FileChannel channel) throws HiveFormatException {
        try {
            MappedBytes mapped = MappedBytes.map(name, channel);
            closeQuietly(channel);
            return mapped;
        } catch (IOException | UnsupportedOperationException e) {
            return open(new FileByteSource(name, channel));
        }
    }

    /** Opens a file with positional reads only, never mapping it (tests and the mapping fall-back). */
    public static HiveBytes openPositional(Path file) throws HiveFormatException {
        try {
            return open(FileByteSource.open(file));
        } catch (IOException | SecurityException e) {
            throw new HiveFormatException(file.toString(), cannotOpen(e), e);
        }
    }

    /**
     * Reads any {@link ByteSource} (a file inside a disk image, a zip member, a remote file) through a shared cache
     * of 64 KiB blocks; takes ownership of the source and closes it on {@link #close()}.
     */
    public static HiveBytes open(ByteSource source) throws HiveFormatException {
        return new SourceBytes(source);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // The mapping stays valid without the channel; nothing was written.
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
        if (closed) {
            throw new HiveClosedException(resource);
        }
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

    /** True once {@link #close()} has been called. */
    public final boolean isClosed() {
        return closed;
    }

    /** Throws {@link HiveClosedException} when closed; for readers that bypass the checked accessors. */
    protected final void ensureOpen() {
        if (closed) {
            throw new HiveClosedException(resource);
        }
    }

    /** Marks the bytes closed (every later read throws {@link HiveClosedException}), then releases resources. */
    @Override
    public final void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    /** Releases operating-system resources; called once, after the bytes are marked closed. */
    protected void release() throws IOException {
        // Inputs that hold no operating-system resources have nothing to release.
    }
}
