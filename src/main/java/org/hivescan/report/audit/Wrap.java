package org.hivescan.report.audit;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for the 80-column text report; a word longer than a line breaks after a backslash if it can. */
final class Wrap {
    private Wrap() {
    }

    /** The text as lines of at most {@code width} characters, the first prefixed by {@code first}, the rest by
     * {@code rest} (both count towards the width). */
    static List<String> lines(String text, int width, String first, String rest) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int base = first.length();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int room = width - line.length() - (line.length() > base ? 1 : 0);
            if (word.length() > room && line.length() > base) {
                out.add(line.toString());
                line = new StringBuilder(rest);
                base = rest.length();
            }
            if (line.length() > base) {
                line.append(' ');
            }
            String w = word;
            while (line.length() + w.length() > width && width - line.length() > 8) {
                int cut = breakPoint(w, width - line.length());
                line.append(w, 0, cut);
                out.add(line.toString());
                line = new StringBuilder(rest);
                base = rest.length();
                w = w.substring(cut);
            }
            line.append(w);
        }
        out.add(line.toString());
        return out;
    }

    private static int breakPoint(String word, int room) {
        int slash = word.lastIndexOf('\\', room - 1);
        return slash > room / 2 ? slash + 1 : room;
    }
}
