package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hivescan.bytes.ByteSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk images in a scan: found by content whatever their name, read without fetching the whole image (also
 * through a file system with no local paths); a broken image is one ERROR row, a data disk without Windows none.
 */
class ImageScanTest {
    @TempDir
    static Path tmp;
    static Path image;

    @BeforeAll
    static void image() throws Exception {
        image = Fleets.images(tmp.resolve("fleet"), 1).resolve("images/win-0.vhdx");
    }

    /** Counts every byte read through the file system, per path. */
    static final class CountingFiles implements ScanFiles {
        final ScanFiles inner = new RemoteLikeFiles(null, 0);
        final Map<String, AtomicLong> bytes = new ConcurrentHashMap<>();

        @Override
        public List<ScanEntry> list(String dir) throws IOException {
            return inner.list(dir);
        }

        @Override
        public ScanEntry stat(String path) throws IOException {
            return inner.stat(path);
        }

        @Override
        public String parent(String path) {
            return inner.parent(path);
        }

        @Override
        public Optional<Path> localPath(String path) {
            return Optional.empty();
        }

        @Override
        public ByteSource open(String path) throws IOException {
            ByteSource source = inner.open(path);
            AtomicLong count = bytes.computeIfAbsent(path, p -> new AtomicLong());
            return new ByteSource() {
                @Override
                public String name() {
                    return source.name();
                }

                @Override
                public long size() throws IOException {
                    return source.size();
                }

                @Override
                public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
                    source.readFully(position, buffer, offset, length);
                    count.addAndGet(length);
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }
            };
        }
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> scan(ScanFiles files, Path root, Path out)
            throws Exception {
        ScanOptions options = new ScanOptions(out, 2, false, false, false, Duration.ofSeconds(60), null);
        new ScanRun(files, options, ScanRun.Progress.NONE).run(List.of(root.toString()));
        return Fleets.lines(out.resolve("hosts.jsonl"));
    }

    @Test
    void anImageOnAFileSystemWithoutLocalPathsIsScannedReadingASmallPartOfIt() throws Exception {
        CountingFiles files = new CountingFiles();
        var lines = scan(files, image, tmp.resolve("out-remote"));
        var local = scan(new LocalScanFiles(), image, tmp.resolve("out-local"));
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.path("status").asText())
                .isIn("READY", "NOT READY", "UNKNOWN"));
        assertThat(local).hasSize(1);
        for (String field : List.of("host_id", "name", "status", "sources")) {
            assertThat(lines.get(0).path(field)).as(field).isEqualTo(local.get(0).path(field));
        }
        assertThat(lines.get(0).path("audit").path("rules")).isEqualTo(local.get(0).path("audit").path("rules"));
        long read = files.bytes.get(image.toString()).get();
        // Discovery, then the audit: partition table, MFT records, index nodes and the two 12 KiB hives (about
        // 0.8 MB of this 176 MB image when measured).
        assertThat(read).as("bytes read of a %d-byte image", Files.size(image)).isPositive()
                .isLessThan(2L << 20).isLessThan(Files.size(image) / 50);
    }

    @Test
    void imagesAreFoundByContentWhateverTheirName(@TempDir Path dir) throws Exception {
        Files.copy(image, dir.resolve("export-without-extension"));
        var lines = scan(new LocalScanFiles(), dir, dir.resolve("out"));
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.path("sources").path("system")
                .path("type").asText()).isEqualTo("image_file"));
    }

    @Test
    void aReadableImageWithoutWindowsIsFoundButHoldsNoHost(@TempDir Path dir) throws Exception {
        // An MBR disk with one Linux partition (type 0x83) of zeros: a data disk, not an error.
        byte[] mbr = new byte[512];
        mbr[446 + 4] = (byte) 0x83;
        mbr[446 + 8] = 0x00;
        mbr[446 + 9] = 0x08; // first LBA 2048
        mbr[446 + 13] = 0x10; // 4096 sectors
        mbr[510] = 0x55;
        mbr[511] = (byte) 0xAA;
        Path disk = dir.resolve("in/linux-data");
        Files.createDirectories(disk.getParent());
        Files.write(disk, mbr);
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength((2048 + 4096) * 512L);
        }
        List<HiveCandidate> found = new Discovery(new LocalScanFiles(), false).discover(dir.resolve("in").toString());
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ContentKind.OTHER);
            assertThat(c.problem()).contains("no Windows installation").contains("partition 1: no known file system");
        });
        Fleets.Run run = Fleets.cli("scan", dir.resolve("in").toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 hosts").contains("1 other hive(s) or image(s) without Windows, not audited");
        assertThat(Files.readString(dir.resolve("out/hosts.jsonl"))).isEmpty();
    }

    @Test
    void aTruncatedOrUnpartitionedImageIsOneErrorRowWithItsReason(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("in/cut.vhdx");
        Files.createDirectories(cut.getParent());
        Files.copy(image, cut);
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(1 << 20); // headers and region table kept, every payload block gone
        }
        Path empty = dir.resolve("in/blank.img");
        try (RandomAccessFile f = new RandomAccessFile(empty.toFile(), "rw")) {
            f.setLength(4 << 20); // all zeros: named like an image, no partition table
        }
        var lines = scan(new LocalScanFiles(), dir.resolve("in"), dir.resolve("out"));
        assertThat(lines).hasSize(2).allSatisfy(l -> {
            assertThat(l.path("status").asText()).isEqualTo("ERROR");
            assertThat(l.path("error").asText()).startsWith("disk image cannot be read: ");
        });
        assertThat(lines.get(0).path("error").asText()).contains("blank.img").contains("0xAA55");
        assertThat(lines.get(1).path("error").asText()).contains("cut.vhdx");
    }
}
