package org.hivescan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * The canonical listing of shared/docs/canonical-listing.md (format version 1): one K record per key and one V
 * record per value, sorted by the unsigned bytes of their UTF-8 form, so independent parsers can be compared with
 * {@code cmp}. Lines are gathered as UTF-8 bytes and sorted at the end, in memory for an ordinary hive and through
 * sorted runs on disk for one whose listing outgrows the memory budget ({@link SortedLines}).
 */
public final class CanonicalListing {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private CanonicalListing() {
    }

    /** Writes the listing of the subtree at {@code start} (the whole hive when it is the root), with full paths. */
    public static void write(Hive hive, Key start, OutputStream out) throws HiveFormatException, IOException {
        write(hive, start, out, SortedLines.defaultBudget());
    }

    /**
     * As {@link #write(Hive, Key, OutputStream)}, holding at most about {@code memoryBudget} bytes of lines in
     * memory; beyond that, sorted runs go to temporary files and are merged.
     */
    static void write(Hive hive, Key start, OutputStream out, long memoryBudget)
            throws HiveFormatException, IOException {
        try (SortedLines lines = new SortedLines(memoryBudget)) {
            hive.walkFrom(start, new HiveVisitor() {
                @Override
                public boolean key(Key key) throws IOException {
                    lines.add(("K\t" + path(key)).getBytes(StandardCharsets.UTF_8));
                    return true;
                }

                @Override
                public void value(Key key, Value value) throws HiveFormatException, IOException {
                    byte[] data;
                    try {
                        data = value.data();
                    } catch (HiveFormatException e) {
                        hive.diagnostics().report(e);
                        return;
                    }
                    String head = "V\t" + path(key) + "\t" + escapeName(value.name(), false) + "\t"
                            + Integer.toUnsignedString(value.type()) + "\t";
                    lines.add(withHex(head.getBytes(StandardCharsets.UTF_8), data));
                }
            });
            lines.writeTo(out);
        }
    }

    private static String path(Key key) {
        List<String> names = key.pathNames();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append('\\');
            }
            sb.append(escapeName(names.get(i), true));
        }
        return sb.toString();
    }

    private static byte[] withHex(byte[] head, byte[] data) {
        byte[] line = Arrays.copyOf(head, head.length + 2 * data.length);
        for (int i = 0; i < data.length; i++) {
            line[head.length + 2 * i] = HEX[(data[i] >> 4) & 0xF];
            line[head.length + 2 * i + 1] = HEX[data[i] & 0xF];
        }
        return line;
    }

    /**
     * Escapes a name as the canonical format requires: {@code %} as %25, code units below 0x20 and 0x7F as
     * %XX, a backslash in a key name as %5C, an unpaired surrogate as %uXXXX; a valid pair stays one character.
     */
    public static String escapeName(String name, boolean keyName) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                sb.append(c).append(name.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format("%%u%04X", (int) c));
            } else if (c == '%' || c < 0x20 || c == 0x7F || (keyName && c == '\\')) {
                sb.append(String.format("%%%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
