package org.hivescan.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hivescan.TestPaths;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.junit.jupiter.api.Test;

/** Where a file system refuses to map a file, the hive is read through positional reads on the same channel. */
class MapFallbackTest {

    @Test
    void aChannelThatCannotBeMappedIsReadPositionally() throws Exception {
        Path file = TestPaths.fixtures().resolve("values.hive");
        byte[] data = Files.readAllBytes(file);
        UnmappableChannel channel = new UnmappableChannel(FileChannel.open(file, StandardOpenOption.READ));
        try (HiveBytes bytes = HiveBytes.open("unmappable", channel)) {
            assertThat(channel.mapAttempts).isPositive();
            assertThat(bytes.getClass().getSimpleName()).isEqualTo("SourceBytes");
            assertThat(bytes.length()).isEqualTo(data.length);
            assertThat(bytes.readBytes(0, data.length)).isEqualTo(data);
        }
        assertThat(channel.isOpen()).as("closed with the bytes, not before").isFalse();
        UnmappableChannel again = new UnmappableChannel(FileChannel.open(file, StandardOpenOption.READ));
        try (Hive positional = Hive.open(HiveBytes.open("unmappable", again), HiveOptions.strictOptions());
                Hive mapped = Hive.openWithoutReplay(file, HiveOptions.strictOptions())) {
            assertThat(positional.root().subkeys()).hasSameSizeAs(mapped.root().subkeys()).isNotEmpty();
        }
    }

    /** A read-only channel over a real one whose map() fails as on a file system without mmap support. */
    private static final class UnmappableChannel extends FileChannel {
        private final FileChannel real;
        int mapAttempts;

        UnmappableChannel(FileChannel real) {
            this.real = real;
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            mapAttempts++;
            throw new IOException("mmap not supported by this file system");
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            throw new IOException("no locks");
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            throw new IOException("no locks");
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
