package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hivescan.bytes.ByteSource;

/** Random raw disks, third-party conversions of them, and the comparison every format test makes. */
final class TestDisks {
    /** 40 MiB: past one VMDK grain table (32 MiB) and many qcow2 L2 tables at 4 KiB clusters. */
    static final int DISK_SIZE = 40 << 20;

    private TestDisks() {
    }

    /**
     * A mostly empty disk, as real ones are: random 64 KiB stretches (some random, some text that compresses),
     * a stretch that crosses the 32 MiB boundary, and the last sector written so the end is never a hole.
     */
    static byte[] randomDisk(long seed) {
        Random random = new Random(seed);
        byte[] disk = new byte[DISK_SIZE];
        for (int i = 0; i < 40; i++) {
            int start = random.nextInt(DISK_SIZE - (64 << 10)) & ~511;
            fill(random, disk, start, 64 << 10, i % 2 == 0);
        }
        fill(random, disk, (32 << 20) - 3000, 6000, false);
        fill(random, disk, DISK_SIZE - 512, 512, false);
        return disk;
    }

    private static void fill(Random random, byte[] disk, int start, int length, boolean text) {
        if (text) {
            byte[] line = ("HKLM\\SOFTWARE\\Classes\\CLSID\\{" + random.nextLong() + "}\\InprocServer32\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < length; i++) {
                disk[start + i] = line[i % line.length];
            }
        } else {
            byte[] chunk = new byte[length];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, disk, start, length);
        }
    }

    /** Runs a command, failing with its output when it fails. */
    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** The whole disk, 200 random ranges, and the same ranges from 4 threads at once all equal the raw bytes. */
    static void assertSameDisk(DiskImage image, byte[] raw) throws Exception {
        ByteSource disk = image.disk();
        assertThat(image.virtualSize()).isEqualTo(raw.length);
        assertThat(disk.size()).isEqualTo(raw.length);
        byte[] whole = new byte[raw.length];
        disk.readFully(0, whole, 0, whole.length);
        assertThat(firstDifference(whole, raw)).as("first differing byte").isEqualTo(-1);
        List<long[]> ranges = ranges(new Random(7), raw.length, 200);
        assertRanges(disk, raw, ranges);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<long[]> mine = ranges(new Random(100 + t), raw.length, 100);
                futures.add(pool.submit(() -> {
                    assertRanges(disk, raw, mine);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(disk.bytesFetched()).isPositive();
    }

    private static List<long[]> ranges(Random random, int size, int count) {
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 1 + random.nextInt(i % 10 == 0 ? 300_000 : 5000);
            ranges.add(new long[] {random.nextInt(size - length + 1), length});
        }
        ranges.add(new long[] {size - 1, 1});
        ranges.add(new long[] {0, 1});
        return ranges;
    }

    private static void assertRanges(ByteSource disk, byte[] raw, List<long[]> ranges) throws IOException {
        for (long[] range : ranges) {
            int at = (int) range[0];
            byte[] read = new byte[(int) range[1] + 2];
            disk.readFully(at, read, 1, (int) range[1]);
            assertThat(Arrays.copyOfRange(read, 1, read.length - 1)).as("range at 0x%x", at)
                    .isEqualTo(Arrays.copyOfRange(raw, at, at + (int) range[1]));
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch;
    }

    static Path write(Path dir, String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }
}
