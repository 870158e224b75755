package org.hivescan.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hivescan.bytes.HiveFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed logs never break reading: whatever a log holds, loading ends with a hive (the log reported and skipped,
 * or applied as far as it is sound) or a {@link HiveFormatException}, never another exception, and quickly.
 * The hostile logs are variants of real ones: cut at many lengths, bytes flipped at random (seeded), and header
 * fields set to extreme values with the hashes and checksums recomputed, so the checks behind them are reached.
 */
class RobustnessTest {
    private static final String NEW_DIRTY = "msuhanov_yarp/hives_for_tests/NewDirtyHive1/";
    private static final String OLD_DIRTY = "msuhanov_yarp/hives_for_tests/OldDirtyHive/";

    @Test
    void truncatedLogsAtEverySectorAreSurvived(@TempDir Path dir) throws Exception {
        byte[] log2 = Files.readAllBytes(TestFiles.corpus(NEW_DIRTY + "NewDirtyHive.LOG2"));
        byte[] oldLog = Files.readAllBytes(TestFiles.corpus(OLD_DIRTY + "OldDirtyHive.LOG1"));
        for (int cut = 0; cut <= log2.length; cut += 256) {
            survives(dir, NEW_DIRTY + "NewDirtyHive", "NewDirtyHive.LOG2", java.util.Arrays.copyOf(log2, cut));
        }
        for (int cut = 0; cut <= oldLog.length; cut += 700) {
            survives(dir, OLD_DIRTY + "OldDirtyHive", "OldDirtyHive.LOG1", java.util.Arrays.copyOf(oldLog, cut));
        }
    }

    @Test
    void randomlyDamagedLogsAreSurvived(@TempDir Path dir) throws Exception {
        Random random = new Random(20240601L);
        byte[] log2 = Files.readAllBytes(TestFiles.corpus(NEW_DIRTY + "NewDirtyHive.LOG2"));
        byte[] oldLog = Files.readAllBytes(TestFiles.corpus(OLD_DIRTY + "OldDirtyHive.LOG1"));
        for (int round = 0; round < 150; round++) {
            survives(dir, NEW_DIRTY + "NewDirtyHive", "NewDirtyHive.LOG2", damage(log2, random, true));
            survives(dir, OLD_DIRTY + "OldDirtyHive", "OldDirtyHive.LOG1", damage(oldLog, random, false));
        }
    }

    @Test
    void extremeEntryFieldsWithValidHashesAreSurvived(@TempDir Path dir) throws Exception {
        byte[] log2 = Files.readAllBytes(TestFiles.corpus(NEW_DIRTY + "NewDirtyHive.LOG2"));
        int[] fields = {4, 8, 12, 16, 20, 40, 44};
        int[] values = {0, 1, 0x200, 0xFFF, 0x1000, 0x7FFFF000, 0x80000000, 0xFFFFF000, 0xFFFFFE00, -1};
        for (int field : fields) {
            for (int value : values) {
                byte[] log = log2.clone();
                ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN).putInt(512 + field, value);
                rehash(log, 512);
                survives(dir, NEW_DIRTY + "NewDirtyHive", "NewDirtyHive.LOG2", log);
            }
        }
    }

    @Test
    void extremeBaseBlockCopiesAreSurvived(@TempDir Path dir) throws Exception {
        byte[] oldLog = Files.readAllBytes(TestFiles.corpus(OLD_DIRTY + "OldDirtyHive.LOG1"));
        byte[] newLog = Files.readAllBytes(TestFiles.corpus(NEW_DIRTY + "NewDirtyHive.LOG2"));
        int[] values = {0, 0x1000, 0x7FFFF000, 0xFFFFF000, -1};
        for (int field : new int[] {4, 8, 28, 40}) {
            for (int value : values) {
                survives(dir, OLD_DIRTY + "OldDirtyHive", "OldDirtyHive.LOG1", patchHeader(oldLog, field, value));
                survives(dir, NEW_DIRTY + "NewDirtyHive", "NewDirtyHive.LOG2", patchHeader(newLog, field, value));
            }
        }
    }

    @Test
    void aHugeLoggedHiveSizeGrowsTheViewWithoutAllocatingIt(@TempDir Path dir) throws Exception {
        // One entry claiming 4 GiB - 4 KiB of hive bins, with a page at the very end: the view must stay lazy.
        byte[] full = Files.readAllBytes(TestFiles.corpus(NEW_DIRTY + "NewDirtyHive.LOG2"));
        byte[] log = java.util.Arrays.copyOf(full, 0x2000); // entry 3 only, so it is the last one applied
        ByteBuffer b = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(512 + 16, 0xFFFFF000);
        b.putInt(512 + 40, 0xFFFFE000);
        rehash(log, 512);
        Path hive = stage(dir, NEW_DIRTY + "NewDirtyHive", "NewDirtyHive.LOG2", log);
        try (LoadedHive loaded = TestFiles.load(hive)) {
            assertThat(loaded.recovery().notes()).anyMatch(n -> n.contains("applied entries 3..3"));
            assertThat(loaded.bytes().length()).isEqualTo(0x1000L + 0xFFFFF000L);
            assertThat(TestFiles.listing(loaded.hive())).isNotEmpty();
        }
    }

    private static byte[] patchHeader(byte[] log, int field, int value) {
        byte[] copy = log.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(field, value);
        Fixtures.fixChecksum(copy);
        return copy;
    }

    /** Recomputes Hash-1 and Hash-2 of the entry at {@code at} (so the damage passes them), when it still fits. */
    private static void rehash(byte[] log, int at) {
        ByteBuffer b = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN);
        long size = b.getInt(at + 4) & 0xFFFF_FFFFL;
        if (size >= 40 && at + size <= log.length) {
            b.putLong(at + 24, Marvin32.hash(log, at + 40, (int) size - 40, Marvin32.LOG_ENTRY_SEED));
        }
        b.putLong(at + 32, Marvin32.hash(log, at, 32, Marvin32.LOG_ENTRY_SEED));
    }

    private static byte[] damage(byte[] original, Random random, boolean rehash) {
        byte[] log = original.clone();
        int flips = 1 + random.nextInt(8);
        List<Integer> spots = new ArrayList<>();
        for (int i = 0; i < flips; i++) {
            // Mostly the headers (base block copy, dirty vector, entry headers), sometimes anywhere.
            int spot = random.nextBoolean() ? random.nextInt(Math.min(log.length, 1024)) : random.nextInt(log.length);
            log[spot] = (byte) random.nextInt(256);
            spots.add(spot);
        }
        if (random.nextBoolean()) {
            Fixtures.fixChecksum(log);
        }
        if (rehash && random.nextBoolean()) {
            rehash(log, 512);
        }
        return log;
    }

    private static void survives(Path dir, String corpusHive, String logName, byte[] log) throws Exception {
        Path hive = stage(dir, corpusHive, logName, log);
        assertThatCode(() -> assertTimeout(hive)).doesNotThrowAnyException();
    }

    private static void assertTimeout(Path hive) throws Exception {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (LoadedHive loaded = TestFiles.load(hive)) {
                TestFiles.listing(loaded.hive());
            } catch (HiveFormatException expectedForSomeInputs) {
                // A clean refusal is allowed; any other exception fails the test.
            }
        });
    }

    private static Path stage(Path dir, String corpusHive, String logName, byte[] log) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("case"));
        try (var old = Files.list(folder)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path source = TestFiles.corpus(corpusHive);
        Path hive = Files.copy(source, folder.resolve(source.getFileName()));
        Path sibling = source.resolveSibling(source.getFileName() + ".LOG1");
        if (!logName.endsWith(".LOG1") && Files.exists(sibling)) {
            Files.copy(sibling, folder.resolve(sibling.getFileName()));
        }
        Files.write(folder.resolve(logName), log);
        return hive;
    }
}
