package org.hivescan.bytes;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.UncheckedExecutionException;
import java.io.IOException;

/**
 * Bytes read from a {@link ByteSource} through a cache of 64 KiB blocks, so the many small field reads of a walk
 * cost one positional read per block. The cache is Guava's concurrent LRU-like cache: several threads read one hive
 * at once, and a block two threads miss together is loaded once.
 */
final class SourceBytes extends HiveBytes {
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK_SIZE = 1 << BLOCK_BITS;
    private static final int CACHED_BLOCKS = 64;

    private final ByteSource source;
    private final long length;
    private final LoadingCache<Long, byte[]> cache;

    SourceBytes(ByteSource source) throws HiveFormatException {
        super(source.name());
        this.source = source;
        try {
            this.length = source.size();
        } catch (IOException e) {
            throw new HiveFormatException(source.name(), "cannot read the size: " + e, e);
        }
        this.cache = CacheBuilder.newBuilder().maximumSize(CACHED_BLOCKS).concurrencyLevel(4)
                .build(CacheLoader.from(this::load));
    }

    @Override
    public long length() {
        return length;
    }

    private byte[] block(long index) {
        try {
            return cache.getUnchecked(index);
        } catch (UncheckedExecutionException e) {
            if (e.getCause() instanceof HiveException) {
                throw (HiveException) e.getCause();
            }
            throw e;
        }
    }

    private byte[] load(Long index) {
        ensureOpen();
        long start = index << BLOCK_BITS;
        byte[] block = new byte[(int) Math.min(BLOCK_SIZE, length - start)];
        try {
            source.readFully(start, block, 0, block.length);
        } catch (IOException e) {
            // The bounds were checked against the size at open; a failing read now is an I/O fault, not a format
            // problem (or the source was closed under the read).
            ensureOpen();
            throw new HiveReadException(resource(), start, e);
        }
        return block;
    }

    @Override
    protected byte getByte(long offset) {
        return block(offset >>> BLOCK_BITS)[(int) (offset & (BLOCK_SIZE - 1))];
    }

    @Override
    protected short getShort(long offset) {
        int in = (int) (offset & (BLOCK_SIZE - 1));
        return in <= BLOCK_SIZE - 2 ? (short) LittleEndian.u16(block(offset >>> BLOCK_BITS), in)
                : super.getShort(offset);
    }

    @Override
    protected int getInt(long offset) {
        int in = (int) (offset & (BLOCK_SIZE - 1));
        return in <= BLOCK_SIZE - 4 ? LittleEndian.i32(block(offset >>> BLOCK_BITS), in) : super.getInt(offset);
    }

    @Override
    protected long getLong(long offset) {
        int in = (int) (offset & (BLOCK_SIZE - 1));
        return in <= BLOCK_SIZE - 8 ? LittleEndian.i64(block(offset >>> BLOCK_BITS), in) : super.getLong(offset);
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
    protected void release() throws IOException {
        cache.invalidateAll();
        source.close();
    }
}
