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
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = terminalEscape(s, i, c);
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
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

    private static String terminalEscape(String s, int i, char c) {
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
            return String.format("\\x%02x", (int) c);
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0xFEFF) {
            return String.format("\\u%04x", (int) c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null
                    : String.format("\\u%04x", (int) c);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null : String.format("\\u%04x", (int) c);
        }
        return null;
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
        String safe = terminal(s);
        StringBuilder sb = new StringBuilder(safe.length());
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '|' -> sb.append("&#124;");
                case '`' -> sb.append("&#96;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
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
