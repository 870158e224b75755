package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes tell the truth: an incomplete export is not a success, and bad options are usage errors. */
class ExitCodeTest {
    private static final String SYSTEM = TestPaths.corpus().resolve("mkorman90_regipy/regipy_tests/data/SYSTEM")
            .toString();

    @Test
    void valuesLeftOutForTheirSizeMakeTheExportIncomplete() {
        for (String format : new String[] {"jsonl", "reg", "canon"}) {
            Cli.Result r = Cli.run("export", SYSTEM, "--format", format, "--max-value-bytes", "10");
            assertThat(r.exit()).as(format).isEqualTo(ExitCodes.INCOMPLETE);
            // 44,685 of the hive's 73,456 values hold more than 10 bytes (the count, from the headers).
            assertThat(r.err()).as(format).contains("hivescan: 44685 value(s) larger than --max-value-bytes 10 "
                    + "were left out; the output is incomplete");
        }
        assertThat(Cli.run("export", SYSTEM, "--format", "jsonl").exit()).isZero();
    }

    @Test
    void lsCountsOnlyTheValuesItShows() {
        Cli.Result r = Cli.run("ls", SYSTEM, "Select", "--max-value-bytes", "2");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("hivescan: 4 value(s) larger than --max-value-bytes 2");
    }

    @Test
    void aMissingLogIsAnError(@TempDir Path dir) {
        Path log = dir.resolve("nonexist.log");
        Cli.Result r = Cli.run("info", SYSTEM, "--log", log.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hivescan info: --log: " + log + ": no such file\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aNegativeSizeLimitIsAUsageError() {
        Cli.Result r = Cli.run("export", SYSTEM, "--format", "jsonl", "--max-value-bytes", "-1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hivescan export: --max-value-bytes: expected a number of bytes");
        assertThat(r.out()).isEmpty();
    }
}
