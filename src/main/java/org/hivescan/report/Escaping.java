package org.hivescan.report;

/**
 * Makes hive-derived text safe for each output. Names in a hive are attacker-controlled: they may hold ESC
 * sequences, newlines, NULs, bidi overrides or markup, and none of that may reach a terminal, a .reg line or a
 * report raw.
 */
public final class Escaping {
    private Escaping() {
    }

    /**
     * For a terminal or any line-oriented text: C0 and C1 controls, DEL, bidi overrides and unpaired surrogates
     * become visible escapes ({@code \x1b}, {@code \n}, {@code \u202e}); a backslash is left as it is, since
     * registry paths are full of them.
     */
    public static String terminal(String s) {
        // Scanned as an array: one copy, then no per-character bounds checks (many strings, of thousands of
        // hosts in a scan, pass through here, and almost all of them need no escape).
        char[] chars = s.toCharArray();
        int i = 0;
        while (i < chars.length && isPrintableAscii(chars[i])) {
            i++;
        }
        if (i == chars.length) {
            return s;
        }
        StringBuilder sb = null;
        for (; i < chars.length; i++) {
            char c = chars[i];
            String replacement = isPrintableAscii(c) ? null : terminalEscape(chars, i, c);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(chars.length + 16).append(chars, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Printable ASCII is never escaped. */
    private static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7F;
    }

    private static String terminalEscape(char[] s, int i, char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return hex("\\x", c, 2);
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0xFEFF) {
            return hex("\\u", c, 4);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length && Character.isLowSurrogate(s[i + 1]) ? null : hex("\\u", c, 4);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s[i - 1]) ? null : hex("\\u", c, 4);
        }
        return null;
    }

    /** {@code prefix} and {@code value} in {@code digits} lowercase hex digits, as %02x / %04x would print. */
    private static String hex(String prefix, char value, int digits) {
        char[] out = new char[digits];
        for (int d = digits - 1, v = value; d >= 0; d--, v >>>= 4) {
            out[d] = Character.forDigit(v & 0xF, 16);
        }
        return prefix + new String(out);
    }

    /** For a CSV cell: terminal-safe, quoted, and with a leading formula character neutralised. */
    public static String csv(String s) {
        String safe = terminal(s);
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** For HTML or Markdown: markup characters as entities, plus the terminal escapes. */
    public static String html(String s) {
        char[] plain = s.toCharArray();
        int p = 0;
        while (p < plain.length && isPrintableAscii(plain[p]) && entity(plain[p]) == null) {
            p++;
        }
        if (p == plain.length) {
            return s; // the usual case, found in one pass: nothing for a terminal, no markup
        }
        String safe = terminal(s);
        char[] chars = safe.toCharArray();
        int i = 0;
        while (i < chars.length && entity(chars[i]) == null) {
            i++;
        }
        if (i == chars.length) {
            return safe;
        }
        StringBuilder sb = new StringBuilder(chars.length + 16).append(chars, 0, i);
        for (; i < chars.length; i++) {
            String e = entity(chars[i]);
            if (e == null) {
                sb.append(chars[i]);
            } else {
                sb.append(e);
            }
        }
        return sb.toString();
    }

    /** The entity of a markup character, else null. */
    private static String entity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '|' -> "&#124;";
            case '`' -> "&#96;";
            default -> null;
        };
    }

    /**
     * For a file name made from hive text (never a path): only letters, digits, dot, dash and underscore survive,
     * everything else becomes '_', and names that mean something to a file system ('.', '..', empty) are avoided.
     */
    public static String fileName(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 100; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? c : '_');
        }
        String name = sb.toString();
        return name.isEmpty() || name.chars().allMatch(ch -> ch == '.') ? "_" + name + "_" : name;
    }
}
