package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SummaryCsvWriterTest {

    @Test
    void formulaStartsAreNeutralisedAndEverythingElseRoundTrips() throws IOException {
        List<String> cells = List.of("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\ry", "plain",
                "a,b", "say \"hi\"", "two\nlines", "", "caf\u00e9");
        StringWriter out = new StringWriter();
        try (SummaryCsvWriter w = new SummaryCsvWriter(out, List.of("c"))) {
            w.row(cells);
        }
        assertThat(out.toString()).endsWith("\r\n").startsWith("\"c\"\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(2);
        CSVRecord r = records.get(1);
        assertThat(r.toList()).containsExactly("'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)", "'\\tx", "'\\ry",
                "plain", "a,b", "say \"hi\"", "two\\nlines", "", "caf\u00e9");
    }

    @Test
    void noCellEverStartsWithAFormulaCharacter() {
        for (String s : List.of("=", "+", "-", "@", "\t", "\r", "=1+1")) {
            String cell = SummaryCsvWriter.cell(s);
            assertThat(cell.charAt(1)).isEqualTo('\'');
        }
    }
}
