package org.hivescan.report.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping for the text report. It never breaks inside a registry path or a value name: a space next to a
 * word holding a backslash, when the other word is short and not the end of a clause, belongs to the path
 * ({@code Protocols\TLS 1.2\Client}, {@code Internet Settings\WinHttp}), and a word is never cut (a path or URL
 * stays whole for copy and paste, and for grep). A line may therefore run past the width; that is the price.
 * A width of {@link #NONE} does not wrap at all (the report is piped).
 */
final class Wrap {
    static final int NONE = Integer.MAX_VALUE;
    /** A word this short right before a backslash word is taken as the start of its name ("Internet"). */
    private static final int GLUE_MAX = 12;

    private Wrap() {
    }

    /** The text as lines of at most {@code width} characters where possible, the first prefixed by {@code first},
     * the rest by {@code rest} (both count towards the width). */
    static List<String> lines(String text, int width, String first, String rest) {
        if (width == NONE) {
            return List.of(first + text);
        }
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int base = first.length();
        for (String chunk : pieces(chunks(text), width - rest.length())) {
            int room = width - line.length() - (line.length() > base ? 1 : 0);
            if (chunk.length() > room && line.length() > base) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                base = rest.length();
            }
            if (line.length() > base) {
                line.append(' ');
            }
            line.append(chunk);
        }
        out.add(line.toString());
        return out;
    }

    /**
     * The text split at the spaces a line may break at: not inside a path. Once a chunk holds a backslash, the
     * words that follow belong to the path's last name while they do not start in lower case or with "(" and the
     * previous word does not end a clause ("Microsoft .NET Framework 4.5", "TLS 1.2 is absent" ends at "is").
     * A short word right before a backslash word is the start of a name with a space ("Internet Settings\...").
     */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder chunk = null;
        String previous = null;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (chunk != null && glued(chunk, previous, word)) {
                chunk.append(' ').append(word);
            } else {
                if (chunk != null) {
                    out.add(chunk.toString());
                }
                chunk = new StringBuilder(word);
            }
            previous = word;
        }
        if (chunk != null) {
            out.add(chunk.toString());
        }
        return out;
    }

    private static boolean glued(CharSequence chunk, String left, String right) {
        if (endsClause(left)) {
            return false;
        }
        boolean inPath = chunk.toString().contains("\\");
        boolean continuesName = !Character.isLowerCase(right.charAt(0)) && right.charAt(0) != '(';
        return (inPath && (right.contains("\\") || continuesName))
                || (right.contains("\\") && left.length() <= GLUE_MAX);
    }

    /**
     * Long data that is neither a path nor a URL (a cipher list stored as one REG_SZ) may break after a comma, so
     * it still fits; a chunk with a backslash or a URL stays whole.
     */
    private static List<String> pieces(List<String> chunks, int max) {
        List<String> out = new ArrayList<>();
        for (String c : chunks) {
            String rest = c;
            while (rest.length() > max && max > 8 && !rest.contains("\\") && !rest.startsWith("http")) {
                int comma = rest.lastIndexOf(',', max - 1);
                int cut = comma > max / 2 ? comma + 1 : max;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            out.add(rest);
        }
        return out;
    }

    private static boolean endsClause(String word) {
        char last = word.charAt(word.length() - 1);
        return last == ',' || last == ';' || last == ':' || last == ')' || word.equals("=") || word.equals(":=");
    }
}
