package org.hivescan.scan;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.hivescan.report.Escaping;

/**
 * Writes {@code summary.csv}: RFC 4180 (every cell quoted, quotes doubled, CRLF line ends, UTF-8), one row per
 * host. Cells come from untrusted hives, so a cell that a spreadsheet would run as a formula (one starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or CR) is neutralised by a leading apostrophe, as OWASP's
 * CSV-injection guidance recommends, and control characters are shown as escapes.
 */
public final class SummaryCsvWriter implements Closeable {
    private final Writer out;

    public SummaryCsvWriter(Writer out, List<String> header) throws IOException {
        this.out = out;
        row(header);
    }

    public void row(List<String> cells) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        out.write(sb.append("\r\n").toString());
    }

    /** One cell, neutralised and quoted. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        boolean formula = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
        String safe = (formula ? "'" : "") + Escaping.terminal(v);
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
