package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hivescan.Canon;
import org.hivescan.TestPaths;
import org.hivescan.bytes.HiveBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hives above 2 GiB: cell offsets are 32-bit and relative to 4096, so files up to 4 GiB exist. The fixture is
 * made sparse at test time by testdata/fixtures/make_sparse_hive.py, which also prints the expected listing.
 */
class SparseHiveTest {
    @Test
    void readsStructuresBeyondTwoGibibytes(@TempDir Path dir) throws Exception {
        Path hive = dir.resolve("sparse.hive");
        Path expected = dir.resolve("sparse.expected.canon");
        Process p = new ProcessBuilder("python3", TestPaths.fixtures().resolve("make_sparse_hive.py").toString(),
                hive.toString()).redirectOutput(expected.toFile()).redirectErrorStream(false).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.size(hive)).isGreaterThan(1L << 31);

        byte[] want = Files.readAllBytes(expected);
        for (HiveBytes bytes : new HiveBytes[] {HiveBytes.open(hive), HiveBytes.openPositional(hive)}) {
            try (Hive h = Hive.open(bytes, HiveOptions.strictOptions())) {
                byte[] got = Canon.of(h);
                assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(new String(want, StandardCharsets.UTF_8));
                Key far = h.key("FarAway").orElseThrow();
                assertThat(far.offset()).isGreaterThan(0x8000_0000L);
                assertThat(far.value("Marker").orElseThrow().asString()).contains("beyond 2 GiB");
            }
        }
    }
}
