package org.hivescan.spark.fs;

import java.io.EOFException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.hivescan.bytes.ByteSource;

/**
 * A file on any Hadoop {@link FileSystem} (file://, hdfs://, s3a://...) read by positional reads
 * ({@link FSDataInputStream#readFully(long, byte[], int, int)}), never by seeking a shared stream, so that several
 * threads may read at once and nothing is copied to local disk.
 *
 * <p>The regf reader makes many small reads close together; on an object store each read is a request. Reads are
 * therefore fetched as aligned blocks kept in a small least-recently-used cache, and {@link #bytesFetched()}
 * counts what was fetched from the medium (whole blocks), which is what a remote image really costs.
 */
public final class HadoopByteSource implements ByteSource {
    /** 64 KiB: a regf hbin is 4 KiB aligned and usually a few of them; big enough to batch a walk's reads. */
    public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;
    private static final int CACHED_BLOCKS = 32;

    private final String name;
    private final FSDataInputStream in;
    private final long size;
    private final int blockSize;
    private final LongAdder alsoCountedIn;
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong fetches = new AtomicLong();
    private final Map<Long, byte[]> cache = new LinkedHashMap<>(CACHED_BLOCKS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private HadoopByteSource(String name, FSDataInputStream in, long size, int blockSize, LongAdder alsoCountedIn) {
        this.alsoCountedIn = alsoCountedIn;
        this.name = name;
        this.in = in;
        this.size = size;
        this.blockSize = blockSize;
    }

    /** Opens {@code path} on {@code fs}; its size is taken once from the file status. */
    public static HadoopByteSource open(FileSystem fs, Path path) throws IOException {
        return open(fs, path, path.toString(), DEFAULT_BLOCK_SIZE, new LongAdder());
    }

    /**
     * @param name the name errors give (the path as the user wrote it)
     * @param blockSize the fetch unit
     * @param alsoCountedIn a counter shared by every source of one host, to which fetched bytes are added too
     */
    public static HadoopByteSource open(FileSystem fs, Path path, String name, int blockSize,
            LongAdder alsoCountedIn) throws IOException {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        long size = fs.getFileStatus(path).getLen();
        return new HadoopByteSource(name, fs.open(path), size, blockSize, alsoCountedIn);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IndexOutOfBoundsException("buffer range " + offset + "+" + length + " of " + buffer.length);
        }
        if (position < 0 || position > size - length) {
            throw new EOFException(name + ": read of " + length + " byte(s) at 0x" + Long.toHexString(position)
                    + " passes the end of the file at 0x" + Long.toHexString(size));
        }
        int done = 0;
        while (done < length) {
            long at = position + done;
            long index = at / blockSize;
            int inBlock = (int) (at - index * blockSize);
            byte[] block = block(index);
            int n = Math.min(length - done, block.length - inBlock);
            System.arraycopy(block, inBlock, buffer, offset + done, n);
            done += n;
        }
    }

    private byte[] block(long index) throws IOException {
        synchronized (cache) {
            byte[] cached = cache.get(index);
            if (cached != null) {
                return cached;
            }
        }
        // Fetched outside the lock: two threads may fetch the same block once each, which costs bytes but never
        // blocks readers of other blocks behind a slow remote request.
        long start = index * blockSize;
        byte[] block = new byte[(int) Math.min(blockSize, size - start)];
        try {
            in.readFully(start, block, 0, block.length);
        } catch (EOFException e) {
            EOFException shorter = new EOFException(name + ": the file ended before 0x"
                    + Long.toHexString(start + block.length) + " although its status gave size 0x"
                    + Long.toHexString(size) + " (changed while being read?)");
            shorter.initCause(e);
            throw shorter;
        }
        fetched.addAndGet(block.length);
        alsoCountedIn.add(block.length);
        fetches.incrementAndGet();
        synchronized (cache) {
            cache.put(index, block);
        }
        return block;
    }

    /** Bytes fetched from the file system so far (whole blocks, so at least the bytes asked for). */
    @Override
    public long bytesFetched() {
        return fetched.get();
    }

    /** Positional reads sent to the file system so far: the request count on an object store. */
    public long fetchCount() {
        return fetches.get();
    }

    @Override
    public void close() throws IOException {
        synchronized (cache) {
            cache.clear();
        }
        in.close();
    }
}
