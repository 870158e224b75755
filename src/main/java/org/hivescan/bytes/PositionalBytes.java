package org.hivescan.bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Positional reads through a {@link FileChannel}, used where a file cannot be mapped. Reads go through a small
 * least-recently-used cache of 64 KiB blocks so that the many small field reads of a walk stay cheap.
 */
final class PositionalBytes extends HiveBytes {
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK_SIZE = 1 << BLOCK_BITS;
    private static final int CACHED_BLOCKS = 64;

    private final FileChannel channel;
    private final long length;
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(CACHED_BLOCKS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    PositionalBytes(String resource, FileChannel channel) throws HiveFormatException {
        super(resource);
        this.channel = channel;
        try {
            this.length = channel.size();
        } catch (IOException e) {
            throw new HiveFormatException(resource, "cannot read the file size: " + e, e);
        }
    }

    @Override
    public long length() {
        return length;
    }

    private byte[] block(long index) {
        byte[] block = cache.get(index);
        if (block == null) {
            block = load(index);
            cache.put(index, block);
        }
        return block;
    }

    private byte[] load(long index) {
        long start = index << BLOCK_BITS;
        byte[] block = new byte[(int) Math.min(BLOCK_SIZE, length - start)];
        ByteBuffer target = ByteBuffer.wrap(block);
        try {
            while (target.hasRemaining()) {
                if (channel.read(target, start + target.position()) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // The bounds were checked against the size at open; a failing read now is an I/O fault, not a format
            // problem, and is reported as such by the command layer.
            throw new UncheckedIOException("read failed in " + resource() + " at 0x" + Long.toHexString(start), e);
        }
        return block;
    }

    @Override
    protected byte getByte(long offset) {
        return block(offset >>> BLOCK_BITS)[(int) (offset & (BLOCK_SIZE - 1))];
    }

    @Override
    protected void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        int done = 0;
        while (done < count) {
            long at = offset + done;
            int inBlock = (int) (at & (BLOCK_SIZE - 1));
            byte[] block = block(at >>> BLOCK_BITS);
            int n = Math.min(count - done, block.length - inBlock);
            System.arraycopy(block, inBlock, dst, dstOffset + done, n);
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        cache.clear();
        channel.close();
    }
}
