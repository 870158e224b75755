package org.hivescan.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Acceptance 1: for every hive of shared/oracle/INDEX.tsv with a {@code recovered_by} entry, the canonical listing
 * with the logs applied is byte-identical to the independent oracle's {@code .recovered.canon.gz} (yarp's listing
 * after its own replay, or the primary as it is where yarp did not replay). There are no differences;
 * testdata/recovery/ORACLE-NOTES.md records where our replay decisions differ from yarp's although the listings agree.
 */
class OracleRecoveryTest {
    record Row(String hive, String recoveredBy, String note) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestFiles.oracle("INDEX.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int hive = header.indexOf("hive");
        int by = header.indexOf("recovered_by");
        int note = header.indexOf("recovery_note");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length > by && !f[by].equals("-") && !f[by].isEmpty()) {
                rows.add(new Row(f[hive], f[by], f[note]));
            }
        }
        return rows;
    }

    @Test
    void theIndexHasRecoveredHives() throws IOException {
        // Guards the factory below against silently producing no tests (a wrong shared path, a renamed column).
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(19);
    }

    @TestFactory
    Stream<DynamicTest> recoveredListingMatchesOracle() throws IOException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.hive() + " (" + row.note() + ")", () -> {
            byte[] expected = TestFiles.read(TestFiles.oracle(row.hive() + ".recovered.canon.gz"));
            byte[] actual;
            try (LoadedHive loaded = TestFiles.load(TestFiles.corpus(row.hive()))) {
                actual = TestFiles.listing(loaded.hive());
            }
            assertThat(new String(actual, StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }));
    }
}
