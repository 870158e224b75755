package org.hivescan.scan;

import java.util.List;
import java.util.Map;
import org.hivescan.report.Escaping;

/** The inline SVG bar chart of the report: one stacked bar per Windows version, one colour per verdict. */
final class ScanChart {
    private static final String[] COLOURS = {"#3a9a3a", "#c83c3c", "#8a8aa8", "#6b1f1f", "#bbbbbb"};
    private static final int BAR = 22;
    private static final int LABEL = 260;
    private static final int WIDTH = 520;

    private ScanChart() {
    }

    static String svg(Map<String, long[]> byWindows, List<String> statuses) {
        long max = 1;
        for (long[] counts : byWindows.values()) {
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            max = Math.max(max, sum);
        }
        int height = 30 + byWindows.size() * (BAR + 6) + 30;
        StringBuilder b = new StringBuilder("<section id=\"chart\"><h2>Verdicts by Windows version</h2>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(LABEL + WIDTH + 60)
                .append("\" height=\"").append(height).append("\" aria-label=\"verdicts by Windows version\">\n");
        int y = 10;
        for (Map.Entry<String, long[]> e : byWindows.entrySet()) {
            b.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Escaping.html(e.getKey())).append("</text>");
            double x = LABEL;
            long sum = 0;
            for (int i = 0; i < statuses.size(); i++) {
                long c = e.getValue()[i];
                sum += c;
                if (c == 0) {
                    continue;
                }
                double w = (double) c * WIDTH / max;
                b.append(String.format(java.util.Locale.ROOT,
                        "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s: %d</title></rect>",
                        x, y, w, BAR, COLOURS[i], Escaping.html(statuses.get(i)), c));
                x += w;
            }
            b.append("<text x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", x + 4)).append("\" y=\"")
                    .append(y + 15).append("\">").append(sum).append("</text>\n");
            y += BAR + 6;
        }
        int lx = LABEL;
        for (int i = 0; i < statuses.size(); i++) {
            b.append("<rect x=\"").append(lx).append("\" y=\"").append(y + 6).append("\" width=\"12\" height=\"12\" "
                    + "fill=\"").append(COLOURS[i]).append("\"/><text x=\"").append(lx + 16).append("\" y=\"")
                    .append(y + 16).append("\">").append(Escaping.html(statuses.get(i))).append("</text>");
            lx += 110;
        }
        return b.append("\n</svg></section>\n").toString();
    }
}
