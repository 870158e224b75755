package org.hivescan.spark.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopByteSourceTest {
    private static final int BLOCK = 4096;

    @TempDir
    Path dir;
    private byte[] data;
    private Path file;
    private FileSystem fs;

    @BeforeEach
    void writeFile() throws Exception {
        data = new byte[BLOCK * 5 + 123];
        new Random(7).nextBytes(data);
        file = dir.resolve("image.bin");
        Files.write(file, data);
        fs = new RawLocalFileSystem();
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
    }

    private HadoopByteSource open() throws Exception {
        return HadoopByteSource.open(fs, new org.apache.hadoop.fs.Path(file.toUri()), "image.bin", BLOCK,
                new java.util.concurrent.atomic.LongAdder());
    }

    @Test
    void readsAcrossBlockBoundariesExactly() throws Exception {
        try (HadoopByteSource source = open()) {
            byte[] got = new byte[BLOCK + 10];
            source.readFully(BLOCK - 5, got, 0, got.length);
            assertThat(got).isEqualTo(Arrays.copyOfRange(data, BLOCK - 5, BLOCK - 5 + got.length));
            assertThat(source.size()).isEqualTo(data.length);
        }
    }

    @Test
    void countsWholeBlocksFetchedOnceEach() throws Exception {
        try (HadoopByteSource source = open()) {
            byte[] got = new byte[8];
            source.readFully(10, got, 0, 8);
            source.readFully(20, got, 0, 8);
            assertThat(source.bytesFetched()).isEqualTo(BLOCK);
            source.readFully(data.length - 8, got, 0, 8);
            assertThat(got).isEqualTo(Arrays.copyOfRange(data, data.length - 8, data.length));
            assertThat(source.bytesFetched()).isEqualTo(BLOCK + 123);
            assertThat(source.fetchCount()).isEqualTo(2);
        }
    }

    @Test
    void countMatchesWhatTheFileSystemReports() throws Exception {
        FileSystem.Statistics stats = FileSystem.getStatistics("file", RawLocalFileSystem.class);
        long before = stats.getBytesRead();
        try (HadoopByteSource source = open()) {
            byte[] got = new byte[3 * BLOCK];
            source.readFully(BLOCK / 2, got, 0, got.length);
            assertThat(source.bytesFetched()).isEqualTo(4L * BLOCK);
            assertThat(stats.getBytesRead() - before).isEqualTo(source.bytesFetched());
        }
    }

    @Test
    void readPastTheEndIsAnEofNamingTheFileAndOffset() throws Exception {
        try (HadoopByteSource source = open()) {
            assertThatThrownBy(() -> source.readFully(data.length - 4, new byte[8], 0, 8))
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("image.bin")
                    .hasMessageContaining("0x" + Long.toHexString(data.length - 4));
            assertThatThrownBy(() -> source.readFully(-1, new byte[1], 0, 1)).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void manyThreadsReadTheSameSourceConsistently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (HadoopByteSource source = open()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 500; i++) {
                        int length = 1 + random.nextInt(3 * BLOCK);
                        int position = random.nextInt(data.length - length);
                        byte[] got = new byte[length];
                        source.readFully(position, got, 0, length);
                        if (!Arrays.equals(got, Arrays.copyOfRange(data, position, position + length))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
