package org.hivescan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.hivescan.report.Escaping;

/** The text form of {@code hivescan image}: the same facts as the JSON, one line each, indented by level. */
final class ImageText {
    private ImageText() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> report, PrintWriter out) {
        Map<String, Object> image = (Map<String, Object>) report.get("image");
        long size = (Long) image.get("virtual_size");
        out.printf("image: %s%n", clean(image.get("file")));
        out.printf("  format: %s, virtual size %,d bytes (%s)%n", image.get("format"), size, human(size));
        ((Map<String, String>) image.get("metadata")).forEach((k, v) -> out.printf("  %s: %s%n", clean(k),
                clean(v)));
        if (image.containsKey("verification")) {
            out.printf("  verification: %s%n", clean(image.get("verification")));
        }
        Map<String, Object> table = (Map<String, Object>) report.get("partition_table");
        out.printf("partition table: %s, %s-byte sectors%s%n", table.get("scheme"), table.get("sector_size"),
                ((String) table.get("disk_id")).isEmpty() ? "" : ", disk id " + table.get("disk_id"));
        for (Map<String, Object> p : (List<Map<String, Object>>) table.get("partitions")) {
            long length = (Long) p.get("length");
            out.printf("  #%s  %s (%s)  start 0x%X  %s  %s%s%s%s%n", p.get("index"), p.get("type_name"),
                    p.get("type"), p.get("start"), human(length),
                    ((String) p.get("file_system")).isEmpty() ? "unknown file system" : p.get("file_system"),
                    ((String) p.get("name")).isEmpty() ? "" : "  name \"" + clean(p.get("name")) + "\"",
                    ((String) p.get("label")).isEmpty() ? "" : "  label \"" + clean(p.get("label")) + "\"",
                    ((String) p.get("problem")).isEmpty() ? "" : "  [" + clean(p.get("problem")) + "]");
        }
        List<Map<String, Object>> windows = (List<Map<String, Object>>) report.get("windows");
        out.printf("Windows installations: %d%n", windows.size());
        for (Map<String, Object> w : windows) {
            out.printf("  partition %s: %s, edition %s, build %s%s, computer name %s%n", w.get("partition"),
                    orUnknown(w.get("product_name")), orUnknown(w.get("edition")), orUnknown(w.get("build")),
                    w.get("display_version") == null ? "" : " (" + clean(w.get("display_version")) + ")",
                    orUnknown(w.get("computer_name")));
            for (Map<String, Object> f : (List<Map<String, Object>>) w.get("files")) {
                out.printf("    %-50s %,14d bytes%s%n", clean(f.get("path")), (Long) f.get("size"),
                        Boolean.TRUE.equals(f.get("log")) ? "  (log)" : "");
            }
        }
        out.printf("read %,d bytes of the image%n", (Long) report.get("bytes_read"));
    }

    private static String orUnknown(Object value) {
        return value == null ? "unknown" : clean(value);
    }

    private static String clean(Object value) {
        return Escaping.terminal(String.valueOf(value));
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format("%.1f %s", v, units[u]);
    }
}
