package org.hivescan.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.hivescan.hive.Hive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Absolute little-endian reads, bounds that name the resource, and no leaked handles or mappings. */
class HiveBytesTest {
    @Test
    void mappedAndPositionalReadTheSame(@TempDir Path dir) throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        Path file = Files.write(dir.resolve("data.bin"), data);
        try (HiveBytes mapped = HiveBytes.open(file); HiveBytes positional = HiveBytes.openPositional(file);
                HiveBytes array = new ArrayBytes("array", data)) {
            for (long at : new long[] {0, 1, 65_533, 65_535, 131_071, 199_992}) {
                assertThat(mapped.readLong(at)).isEqualTo(array.readLong(at)).isEqualTo(positional.readLong(at));
                assertThat(mapped.readInt(at)).isEqualTo(array.readInt(at)).isEqualTo(positional.readInt(at));
                assertThat(mapped.readUnsignedShort(at)).isEqualTo(positional.readUnsignedShort(at));
            }
            assertThat(positional.readBytes(65_000, 2000)).isEqualTo(mapped.readBytes(65_000, 2000));
            assertThat(array.readInt(0)).isEqualTo((data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16
                    | (data[3] & 0xFF) << 24);
        }
    }

    @Test
    void readsPastTheEndNameTheResourceAndOffset() {
        HiveBytes bytes = new ArrayBytes("evidence.dat", new byte[16]);
        assertThatThrownBy(() -> bytes.readInt(14)).isInstanceOf(TruncatedInputException.class)
                .hasMessageContaining("evidence.dat").hasMessageContaining("0xE").hasMessageContaining("ends at 0x10");
        assertThatThrownBy(() -> bytes.readInt(-4)).isInstanceOf(TruncatedInputException.class);
        assertThatThrownBy(() -> bytes.readBytes(Long.MAX_VALUE - 2, 8)).isInstanceOf(TruncatedInputException.class);
        assertThat(bytes.contains(Long.MAX_VALUE, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void openingThousandsOfHivesLeaksNoHandlesOrMappings() throws Exception {
        Path hive = TestPaths.fixtures().resolve("names.hive");
        for (int i = 0; i < 200; i++) {
            try (Hive h = Hive.openWithoutReplay(hive)) {
                h.root().subkeys();
            }
        }
        long fds = count("/proc/self/fd");
        long maps = mappingsOf(hive);
        for (int i = 0; i < 3000; i++) {
            try (Hive h = Hive.openWithoutReplay(hive)) {
                h.key("Case\\Alpha").orElseThrow();
            }
        }
        assertThat(count("/proc/self/fd")).isLessThanOrEqualTo(fds + 2);
        // close() never unmaps (a racing read must not crash the JVM): the garbage collector's cleaner releases
        // the mappings of closed hives once nothing refers to them.
        for (int i = 0; i < 50 && mappingsOf(hive) > maps + 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(mappingsOf(hive)).isLessThanOrEqualTo(maps + 2);
    }

    private static long count(String dir) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.count();
        }
    }

    private static long mappingsOf(Path file) throws IOException {
        String name = file.toAbsolutePath().toString();
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.endsWith(name)).count();
    }
}
