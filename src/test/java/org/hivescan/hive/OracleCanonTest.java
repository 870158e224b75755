package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.Canon;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against independent parsers: for every hive in shared/oracle/INDEX.tsv, our canonical listing
 * of the primary file as it is (no log replay) must equal the oracle's byte for byte.
 */
class OracleCanonTest {
    record Row(String hive, String canonBy) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestPaths.oracle().resolve("INDEX.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (!f[1].equals("-")) {
                rows.add(new Row(f[0], f[1]));
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> primaryListingMatchesOracle() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(100);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.canonBy() + " " + row.hive(), () -> {
            byte[] expected = Canon.gunzip(TestPaths.oracle().resolve(row.hive() + ".canon.gz"));
            Path file = TestPaths.corpus().resolve(row.hive());
            try (Hive hive = Hive.openWithoutReplay(file)) {
                byte[] actual = Canon.of(hive);
                assertThat(actual).as(() -> Canon.firstDifference(expected, actual)).isEqualTo(expected);
            }
        }));
    }
}
