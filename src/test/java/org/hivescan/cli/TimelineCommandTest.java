package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * timeline on a corpus SYSTEM: every key once (counted against the independent parsers' listing in oracle/), in
 * time order, and the root key's time as read here straight from the file's bytes.
 */
class TimelineCommandTest {
    private static final String REL = "mkorman90_regipy/regipy_tests/data/SYSTEM";
    private static final Path SYSTEM = TestPaths.corpus().resolve(REL);

    /** The root key's last-written FILETIME: base block 0x24 gives the root cell; nk offset 4 holds the time. */
    private static Instant rootWritten() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(SYSTEM.toFile(), "r")) {
            byte[] buf = new byte[8];
            f.seek(0x24);
            f.readFully(buf, 0, 4);
            long rootCell = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            f.seek(4096 + rootCell + 4 + 4); // hive bins start at 4096; a cell starts with its 4-byte size
            f.readFully(buf);
            long filetime = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong();
            long unix100ns = filetime - 116_444_736_000_000_000L;
            return Instant.ofEpochSecond(Math.floorDiv(unix100ns, 10_000_000L),
                    Math.floorMod(unix100ns, 10_000_000L) * 100);
        }
    }

    private static long oracleKeyCount() throws Exception {
        Path canon = TestPaths.oracle().resolve(REL + ".canon.gz");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(canon))) {
            in.transferTo(text);
        }
        return text.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("K\t")).count();
    }

    @Test
    void csvHasEveryKeyOnceInTimeOrder() throws Exception {
        Cli.Result r = Cli.run("timeline", SYSTEM.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("last_written,path");
        List<String> rows = lines.subList(1, lines.size());
        assertThat((long) rows.size()).isEqualTo(oracleKeyCount());
        List<Instant> times = rows.stream().map(l -> Instant.parse(l.substring(0, l.indexOf(',')))).toList();
        assertThat(times).isSorted();
        String root = rows.stream().filter(l -> l.endsWith(",\"HKEY_LOCAL_MACHINE\\SYSTEM\"")).findFirst()
                .orElseThrow();
        assertThat(Instant.parse(root.substring(0, root.indexOf(',')))).isEqualTo(rootWritten());
    }

    @Test
    void sinceKeepsOnlyLaterKeys() throws Exception {
        Instant since = Instant.parse("2012-04-01T00:00:00Z");
        Cli.Result r = Cli.run("timeline", SYSTEM.toString(), "--since", "2012-04-01");
        assertThat(r.exit()).isZero();
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(l -> assertThat(Instant.parse(l.substring(0, l.indexOf(',')))).isAfterOrEqualTo(since));
        long all = Cli.run("timeline", SYSTEM.toString()).out().lines().count();
        assertThat((long) rows.size() + 1).isLessThan(all);
        assertThat(Cli.run("timeline", SYSTEM.toString(), "--since", "yesterday").exit()).isEqualTo(2);
    }

    @Test
    void bodyfileHasElevenFieldsWithTheTimeAsMtime() throws Exception {
        Cli.Result r = Cli.run("timeline", SYSTEM.toString(), "--format", "bodyfile");
        assertThat(r.exit()).isZero();
        List<String> rows = r.out().lines().toList();
        assertThat((long) rows.size()).isEqualTo(oracleKeyCount());
        assertThat(rows).allSatisfy(l -> assertThat(l.split("\\|", -1)).hasSize(11));
        String root = rows.stream().filter(l -> l.startsWith("0|HKEY_LOCAL_MACHINE\\SYSTEM|")).findFirst().orElseThrow();
        assertThat(root.split("\\|")[8]).isEqualTo(Long.toString(rootWritten().getEpochSecond()));
    }
}
