package org.hivescan.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * The "Windows Registry Editor Version 5.00" text that regedit imports: CRLF lines, {@code [key]} headers,
 * {@code "name"="string"}, {@code dword:}, {@code hex:} for binary and {@code hex(N):} for every other type, with
 * long hex wrapped by a trailing backslash as regedit does. A string is written as text only when it survives
 * the round trip exactly (one terminating NUL, nothing after it, no line breaks); otherwise its bytes go out as
 * {@code hex(1):}/{@code hex(2):}, so nothing is lost.
 */
public final class RegExport {
    public static final String HEADER = "Windows Registry Editor Version 5.00";
    private static final int WRAP_COLUMN = 76;

    private final Writer out;
    private final String mountPoint;
    private final ProblemCounter problems;

    /** Counts names that .reg cannot carry faithfully (control characters), which are written escaped. */
    public static final class ProblemCounter {
        private long escapedNames;

        public long escapedNames() {
            return escapedNames;
        }
    }

    private RegExport(Writer out, String mountPoint, ProblemCounter problems) {
        this.out = out;
        this.mountPoint = mountPoint;
        this.problems = problems;
    }

    /** Writes the subtree at {@code start}; key paths are prefixed by {@code mountPoint} (e.g. HKEY_LOCAL_MACHINE\SYSTEM). */
    public static ProblemCounter write(Hive hive, Key start, String mountPoint, Writer out)
            throws HiveFormatException, IOException {
        ProblemCounter problems = new ProblemCounter();
        RegExport export = new RegExport(out, mountPoint, problems);
        out.write(HEADER + "\r\n");
        hive.walkFrom(start, new HiveVisitor() {
            @Override
            public boolean key(Key key) throws IOException {
                export.keyHeader(key);
                return true;
            }

            @Override
            public void value(Key key, Value value) throws HiveFormatException, IOException {
                export.value(value);
            }

            @Override
            public void leave(Key key) {
            }
        });
        out.flush();
        return problems;
    }

    /** The full registry path of a key under a mount point. */
    public static String fullPath(String mountPoint, Key key) {
        String path = key.path();
        return path.isEmpty() ? mountPoint : mountPoint + "\\" + path;
    }

    private void keyHeader(Key key) throws IOException {
        StringBuilder path = new StringBuilder(mountPoint);
        for (String name : key.pathNames()) {
            path.append('\\').append(safeName(name, true));
        }
        out.write("\r\n[" + path + "]\r\n");
    }

    /**
     * .reg has no escape for control characters in names, nor for a backslash in a key name (it would split the
     * key in two on import); such names are written with %XX escapes, so no line or key can be injected.
     */
    private String safeName(String name, boolean keyName) {
        String escaped = CanonicalListing.escapeName(name, keyName);
        if (escaped.equals(name.replace("%", "%25"))) {
            return name;
        }
        problems.escapedNames++;
        return escaped;
    }

    private void value(Value value) throws HiveFormatException, IOException {
        String lhs = value.name().isEmpty() ? "@" : "\"" + quote(safeName(value.name(), false)) + "\"";
        byte[] data;
        try {
            data = value.data();
        } catch (HiveFormatException e) {
            value.hive().diagnostics().report(e);
            out.write("; " + lhs.replace("\r", "").replace("\n", "") + ": data unreadable\r\n");
            return;
        }
        out.write(lhs + "=" + rhs(value.type(), data, lhs.length() + 1) + "\r\n");
    }

    private static String rhs(int type, byte[] data, int column) {
        if ((type == 1) && isPlainString(data)) {
            return "\"" + quote(new String(data, 0, data.length - 2, StandardCharsets.UTF_16LE)) + "\"";
        }
        if (type == 4 && data.length == 4) {
            int v = (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 24;
            return String.format("dword:%08x", v);
        }
        String prefix = type == 3 ? "hex:" : "hex(" + Integer.toHexString(type) + "):";
        return prefix + wrappedHex(data, column + prefix.length());
    }

    /** True when the bytes are UTF-16LE text with exactly one terminating NUL and nothing regedit would mangle. */
    static boolean isPlainString(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0 || data[data.length - 1] != 0 || data[data.length - 2] != 0) {
            return false;
        }
        for (int i = 0; i < data.length - 2; i += 2) {
            char c = (char) ((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
            if (c < 0x20 || Character.isSurrogate(c) && !validPairAt(data, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validPairAt(byte[] data, int i) {
        char c = (char) ((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
        if (Character.isHighSurrogate(c) && i + 3 < data.length - 2) {
            char d = (char) ((data[i + 2] & 0xFF) | (data[i + 3] & 0xFF) << 8);
            return Character.isLowSurrogate(d);
        }
        if (Character.isLowSurrogate(c) && i >= 2) {
            char b = (char) ((data[i - 2] & 0xFF) | (data[i - 1] & 0xFF) << 8);
            return Character.isHighSurrogate(b);
        }
        return false;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String wrappedHex(byte[] data, int startColumn) {
        StringBuilder sb = new StringBuilder(data.length * 3 + data.length / 20 * 5);
        int column = startColumn;
        for (int i = 0; i < data.length; i++) {
            sb.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
            column += 2;
            if (i < data.length - 1) {
                sb.append(',');
                column++;
                if (column >= WRAP_COLUMN) {
                    sb.append("\\\r\n  ");
                    column = 2;
                }
            }
        }
        return sb.toString();
    }

}
