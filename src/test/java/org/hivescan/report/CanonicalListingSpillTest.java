package org.hivescan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.Canon;
import org.hivescan.TestPaths;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.junit.jupiter.api.Test;

/**
 * The canonical listing with a memory budget far below the listing's size, so that it sorts through dozens of
 * runs on disk: the result must still equal the independent parsers' listing, and no temporary file may remain.
 */
class CanonicalListingSpillTest {
    private static final long TINY_BUDGET = 16 << 10;

    private static long sortRunsInTmp() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("hivescan-sort-")).count();
        }
    }

    @Test
    void spilledListingsEqualTheOracles() throws Exception {
        long before = sortRunsInTmp();
        for (String hive : List.of("mkorman90_regipy/regipy_tests/data/SYSTEM",
                "AndrewRathbun_DFIRArtifactMuseum/Windows/Amcache/Win10/RathbunVM/Amcache.hve")) {
            byte[] expected = Canon.gunzip(TestPaths.oracle().resolve(hive + ".canon.gz"));
            assertThat(expected.length).as("the listing must outgrow the budget many times").isGreaterThan(
                    (int) (50 * TINY_BUDGET));
            try (Hive h = Hive.openWithoutReplay(TestPaths.corpus().resolve(hive))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CanonicalListing.write(h, h.root(), out, TINY_BUDGET);
                byte[] actual = out.toByteArray();
                assertThat(actual).as(() -> Canon.firstDifference(expected, actual)).isEqualTo(expected);
            }
        }
        assertThat(sortRunsInTmp()).isEqualTo(before);
    }

    @Test
    void runsSpillOnlyPastTheBudgetAndMergeInOrder() throws Exception {
        try (SortedLines lines = new SortedLines(100)) {
            for (String s : List.of("b", "\u00e9", "a", "K\t", "V\tx", "K\tz", "a", "B")) {
                lines.add(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(lines.runCount()).isGreaterThan(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            lines.writeTo(out);
            // Unsigned byte order: 'B' < 'K' < 'V' < 'a' < 'b' < the two-byte UTF-8 of e-acute.
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("B\nK\t\nK\tz\nV\tx\na\na\nb\n\u00e9\n");
        }
        try (SortedLines lines = new SortedLines(1 << 20)) {
            lines.add(new byte[] {'x'});
            assertThat(lines.runCount()).isZero();
        }
    }

    /** Runs {@code export --format canon} in a JVM of the given heap (16 or 64 MiB: an 8 MiB sort budget). */
    private static byte[] canonInSmallJvm(String heap, Path hive, String tmpdir, Path dir) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("listing.canon");
        Process child = new ProcessBuilder(javaBin.toString(), heap, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmpdir,
                "-cp", System.getProperty("java.class.path"), "org.hivescan.cli.Main", "export", hive.toString(),
                "--format", "canon", "-o", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        return Files.readAllBytes(out);
    }

    @Test
    void aSmallHeapSpillsToTheTemporaryFolderAndCleansUp(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // This SYSTEM hive lists 19 MB: more than twice the 8 MiB budget, and more than a 16 MiB heap holds.
        String hive = "mkorman90_regipy/regipy_tests/data/SYSTEM";
        byte[] expected = Canon.gunzip(TestPaths.oracle().resolve(hive + ".canon.gz"));
        assertThat(expected.length).isGreaterThan(16 << 20);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        byte[] actual = canonInSmallJvm("-Xmx16m", TestPaths.corpus().resolve(hive), tmp.toString(), dir);
        assertThat(actual).as(() -> Canon.firstDifference(expected, actual)).isEqualTo(expected);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void withoutAWritableTemporaryFolderTheSortStaysInMemory(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String hive = "mkorman90_regipy/regipy_tests/data/SYSTEM";
        byte[] expected = Canon.gunzip(TestPaths.oracle().resolve(hive + ".canon.gz"));
        // 64 MiB holds the whole listing; the budget (8 MiB) is passed, a spill is tried and cannot be made.
        byte[] actual = canonInSmallJvm("-Xmx64m", TestPaths.corpus().resolve(hive), dir.resolve("missing").toString(),
                dir);
        assertThat(actual).as(() -> Canon.firstDifference(expected, actual)).isEqualTo(expected);
    }

    @Test
    void aWalkThatFailsLeavesNoTemporaryFiles() throws Exception {
        long before = sortRunsInTmp();
        // Strict reading stops at a value cell that crosses its bin, after the keys before it were listed; with a
        // budget of one byte every line is a run of its own.
        Path damaged = TestPaths.fixtures().resolve("cell-crosses-bin.hive");
        try (Hive h = Hive.openWithoutReplay(damaged, HiveOptions.lenient().withStrict(true))) {
            assertThatThrownBy(() -> CanonicalListing.write(h, h.root(), new ByteArrayOutputStream(), 1))
                    .isInstanceOf(HiveFormatException.class).hasMessageContaining("value data cell size");
        } catch (HiveFormatException refusedAtOpen) {
            throw new AssertionError("the fixture should open and fail during the walk", refusedAtOpen);
        }
        assertThat(sortRunsInTmp()).isEqualTo(before);
    }
}
