package org.hivescan.bytes;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A read-only memory mapping. One {@link MappedByteBuffer} holds at most 2 GiB, and hives may reach 4 GiB (cell
 * offsets are 32-bit, relative to 4096), so the file is mapped in 1 GiB chunks. Each chunk maps a few extra bytes
 * of its successor, so a read of up to {@value #OVERLAP} bytes never straddles two buffers.
 *
 * <p>{@link #close()} never unmaps: it drops the references and marks the bytes closed, so later reads throw
 * {@link HiveClosedException}, and a read racing the close reads a mapping that is still valid instead of crashing
 * the JVM on unmapped memory (the hazard Lucene's ByteBufferGuard exists for). The garbage collector unmaps the
 * buffers once no read holds them; mappings cost address space, not heap, so many closed hives waiting for that
 * are cheap.
 */
final class MappedBytes extends HiveBytes {
    private static final int CHUNK_BITS = 30;
    private static final long CHUNK_SIZE = 1L << CHUNK_BITS;
    private static final long CHUNK_MASK = CHUNK_SIZE - 1;
    private static final int OVERLAP = 16;

    private volatile MappedByteBuffer[] chunks;
    private final long length;

    private MappedBytes(String resource, MappedByteBuffer[] chunks, long length) {
        super(resource);
        this.chunks = chunks;
        this.length = length;
    }

    /** Maps the whole channel; the caller keeps the channel (and closes it, or reads it otherwise on failure). */
    static MappedBytes map(String resource, FileChannel channel) throws IOException {
        {
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
        return length;
    }

    private MappedByteBuffer chunk(long offset) {
        MappedByteBuffer[] all = chunks;
        if (all == null) {
            ensureOpen();
        }
        return all[(int) (offset >>> CHUNK_BITS)];
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
    protected void release() {
        // No unmap here: a read on another thread may be inside a buffer right now (see the class comment).
        chunks = null;
    }
}
