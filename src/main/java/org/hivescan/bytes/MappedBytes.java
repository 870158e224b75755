package org.hivescan.bytes;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only memory mapping. One {@link MappedByteBuffer} holds at most 2 GiB, and hives may reach 4 GiB (cell
 * offsets are 32-bit, relative to 4096), so the file is mapped in 1 GiB chunks. Each chunk maps a few extra bytes
 * of its successor, so a read of up to {@value #OVERLAP} bytes never straddles two buffers.
 *
 * <p>The channel is closed as soon as the mapping exists; {@link #close()} releases the mapping at once (through
 * the JDK's buffer cleaner where it is reachable) so that scanning thousands of hives does not pile up mappings
 * waiting for the garbage collector.
 */
final class MappedBytes extends HiveBytes {
    private static final int CHUNK_BITS = 30;
    private static final long CHUNK_SIZE = 1L << CHUNK_BITS;
    private static final long CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int OVERLAP = 16;

    private final MappedByteBuffer[] chunks;
    private final long length;
    private boolean closed;

    private MappedBytes(String resource, MappedByteBuffer[] chunks, long length) {
        super(resource);
        this.chunks = chunks;
        this.length = length;
    }

    static MappedBytes map(String resource, FileChannel channel) throws IOException {
        try (channel) {
            long length = channel.size();
            int count = (int) ((length + CHUNK_SIZE - 1) >>> CHUNK_BITS);
            MappedByteBuffer[] chunks = new MappedByteBuffer[Math.max(count, 1)];
            for (int i = 0; i < count; i++) {
                long start = (long) i << CHUNK_BITS;
                long size = Math.min(length - start, CHUNK_SIZE + OVERLAP);
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, size);
                chunks[i].order(ByteOrder.LITTLE_ENDIAN);
            }
            if (count == 0) {
                chunks[0] = channel.map(FileChannel.MapMode.READ_ONLY, 0, 0);
            }
            return new MappedBytes(resource, chunks, length);
        }
    }

    @Override
    public long length() {
        return closed ? 0 : length;
    }

    private MappedByteBuffer chunk(long offset) {
        return chunks[(int) (offset >>> CHUNK_BITS)];
    }

    @Override
    protected byte getByte(long offset) {
        return chunk(offset).get((int) (offset & CHUNK_MASK));
    }

    @Override
    protected short getShort(long offset) {
        return chunk(offset).getShort((int) (offset & CHUNK_MASK));
    }

    @Override
    protected int getInt(long offset) {
        return chunk(offset).getInt((int) (offset & CHUNK_MASK));
    }

    @Override
    protected long getLong(long offset) {
        return chunk(offset).getLong((int) (offset & CHUNK_MASK));
    }

    @Override
    protected void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        int done = 0;
        while (done < count) {
            long at = offset + done;
            int inChunk = (int) (at & CHUNK_MASK);
            int n = (int) Math.min(count - done, CHUNK_SIZE - inChunk);
            chunk(at).get(inChunk, dst, dstOffset + done, n);
            done += n;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        // length() now answers 0, so any later read fails its bounds check instead of touching unmapped memory.
        closed = true;
        for (MappedByteBuffer chunk : chunks) {
            BufferCleaner.release(chunk);
        }
    }

    /** Unmaps a buffer at once through sun.misc.Unsafe#invokeCleaner when the JDK offers it; else leaves it to GC. */
    private static final class BufferCleaner {
        private static final Object UNSAFE;
        private static final Method INVOKE_CLEANER;

        static {
            Object unsafe = null;
            Method invoke = null;
            try {
                Class<?> type = Class.forName("sun.misc.Unsafe");
                Field field = type.getDeclaredField("theUnsafe");
                field.setAccessible(true);
                unsafe = field.get(null);
                invoke = type.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unsafe = null;
                invoke = null;
            }
            UNSAFE = unsafe;
            INVOKE_CLEANER = invoke;
        }

        static void release(MappedByteBuffer buffer) {
            if (INVOKE_CLEANER == null || buffer == null) {
                return;
            }
            try {
                INVOKE_CLEANER.invoke(UNSAFE, buffer);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Falling back to the garbage collector is safe; only the timing of the unmap changes.
            }
        }
    }
}
