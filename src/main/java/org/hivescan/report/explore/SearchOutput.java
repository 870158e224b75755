package org.hivescan.report.explore;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import org.hivescan.report.Escaping;

/** Renders search hits: tab-separated lines for people and grep, or a JSON array for programs. */
public final class SearchOutput {
    /** Data longer than this is cut in the text form (a REG_BINARY may be megabytes of hex). */
    static final int MAX_TEXT_DATA = 200;

    private SearchOutput() {
    }

    /**
     * One line: {@code key PATH}, or {@code value|data PATH NAME TYPE DATA}, tab-separated; names and data are
     * escaped so that a hit is always one line.
     */
    public static void text(HiveSearch.Hit hit, PrintWriter out) {
        StringBuilder line = new StringBuilder(hit.match().name().toLowerCase(java.util.Locale.ROOT))
                .append('\t').append(Escaping.terminal(hit.path()));
        if (hit.match() != HiveSearch.Match.KEY) {
            line.append('\t').append(hit.valueName().isEmpty() ? "(Default)" : Escaping.terminal(hit.valueName()))
                    .append('\t').append(hit.typeName())
                    .append('\t').append(Escaping.terminal(cut(hit.data())));
        }
        out.println(line);
    }

    /** One element of the JSON array: match, path, and for values name, type and data in full. */
    public static void json(HiveSearch.Hit hit, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("match", hit.match().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("path", hit.path());
        if (hit.match() != HiveSearch.Match.KEY) {
            g.writeStringField("value", hit.valueName());
            g.writeStringField("type", hit.typeName());
            g.writeStringField("data", hit.data());
        }
        g.writeEndObject();
    }

    private static String cut(String data) {
        return data.length() <= MAX_TEXT_DATA ? data
                : data.substring(0, MAX_TEXT_DATA) + "... (" + (data.length() - MAX_TEXT_DATA) + " more characters)";
    }
}
