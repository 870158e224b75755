package org.hivescan.spark.fs;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system other than the default local one, for tests: local files under the scheme
 * {@value #SCHEME}, with every byte its streams deliver counted per file, independently of what the code under
 * test counts. Register with {@code fs.countingfs.impl}.
 */
public class CountingFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "countingfs";
    /** Bytes delivered per file path, across every instance (Spark tasks run in this JVM when local). */
    public static final Map<String, LongAdder> BYTES = new ConcurrentHashMap<>();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        FSDataInputStream in = super.open(f, bufferSize);
        return new FSDataInputStream(new Counting(in, BYTES.computeIfAbsent(f.toUri().getPath(), k -> new LongAdder())));
    }

    public static long total() {
        return BYTES.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Delegates to the local stream and counts what each read returns. */
    private static final class Counting extends FSInputStream {
        private final FSDataInputStream in;
        private final LongAdder bytes;

        Counting(FSDataInputStream in, LongAdder bytes) {
            this.in = in;
            this.bytes = bytes;
        }

        private int counted(int n) {
            if (n > 0) {
                bytes.add(n);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytes.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return counted(in.read(b, off, len));
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(position, buffer, offset, length));
        }

        @Override
        public void seek(long pos) throws IOException {
            in.seek(pos);
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
