package org.hivescan.spark.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.hivescan.bytes.ByteSource;
import org.hivescan.scan.LocalScanFiles;
import org.hivescan.scan.ScanEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopScanFilesTest {
    /** Names a hostile collection can carry: URI syntax, percent escapes, spaces, markup. */
    private static final List<String> NAMES = List.of("plain", "C%3A", "a:b", "with space", "<script>x<\\script>",
            "=cmd|' -C calc'!A0", "100%", "q?x#y");

    @TempDir
    Path dir;

    private final HadoopScanFiles hadoop = new HadoopScanFiles(new Configuration());
    private final LocalScanFiles local = new LocalScanFiles();

    @Test
    void listsStatsAndParentsExactlyAsTheLocalScanFiles() throws Exception {
        for (String name : NAMES) {
            Files.writeString(dir.resolve(name), name);
            Files.createDirectories(dir.resolve("d " + name));
        }
        String root = dir.toString();
        assertThat(hadoop.list(root)).isEqualTo(local.list(root));
        for (ScanEntry e : local.list(root)) {
            assertThat(hadoop.stat(e.path())).isEqualTo(local.stat(e.path()));
            assertThat(hadoop.parent(e.path())).isEqualTo(local.parent(e.path()));
        }
        assertThat(hadoop.stat(root)).isEqualTo(local.stat(root));
    }

    @Test
    void opensNamesWithUriSyntaxLiterallyAndCountsPerInstance() throws Exception {
        Path file = dir.resolve("a:b %41");
        Files.write(file, new byte[100_000]);
        HadoopScanFiles host = hadoop.withFreshCounter();
        try (ByteSource in = host.open(file.toString())) {
            assertThat(in.size()).isEqualTo(100_000);
            assertThat(in.name()).isEqualTo(file.toString());
            in.readFully(99_990, new byte[10], 0, 10);
        }
        assertThat(host.bytesFetched()).isEqualTo(100_000 - HadoopByteSource.DEFAULT_BLOCK_SIZE);
        assertThat(hadoop.bytesFetched()).isZero();
    }

    @Test
    void parentsOfSchemePathsStopAtTheAuthority() {
        assertThat(hadoop.parent("hdfs://nn:8020/cases/a/SYSTEM")).isEqualTo("hdfs://nn:8020/cases/a");
        assertThat(hadoop.parent("s3a://bucket/SYSTEM")).isEqualTo("s3a://bucket/");
        assertThat(hadoop.parent("s3a://bucket/")).isNull();
        assertThat(hadoop.parent("/SYSTEM")).isEqualTo("/");
        assertThat(hadoop.parent("/")).isNull();
        assertThat(hadoop.parent("SYSTEM")).isNull();
    }

    @Test
    void hadoopPathsKeepTheSchemeAndAuthority() {
        assertThat(HadoopScanFiles.toHadoop("hdfs://nn:8020/a b/c%3A").toUri().getPath()).isEqualTo("/a b/c%3A");
        assertThat(HadoopScanFiles.toHadoop("hdfs://nn:8020/x").toUri().getAuthority()).isEqualTo("nn:8020");
        assertThat(HadoopScanFiles.toHadoop("/tmp/a:b").getName()).isEqualTo("a:b");
    }
}
