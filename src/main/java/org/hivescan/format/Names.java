package org.hivescan.format;

/**
 * Decoding and comparing key and value names the way Windows does.
 *
 * <p>A name flagged as compressed holds one byte per UTF-16 code unit below 256, so it is ISO-8859-1, not ASCII or
 * cp1252 (§Key node Flags, KEY_COMP_NAME). Any other name is UTF-16LE and may hold unpaired surrogates; Java
 * strings are sequences of UTF-16 code units, so decoding unit by unit keeps them exactly.
 *
 * <p>Windows compares names one code unit at a time after mapping each through its uppercase table
 * (RtlUpcaseUnicodeChar). {@link Character#toUpperCase(char)} applied per unit is the closest portable table; the
 * locale-dependent {@code String.toUpperCase()} is never used (Turkish dotless i, and ß growing to SS).
 */
public final class Names {
    private Names() {
    }

    public static String decode(byte[] raw, boolean compressed) {
        return decode(raw, 0, raw.length, compressed);
    }

    public static String decode(byte[] raw, int from, int count, boolean compressed) {
        return compressed ? latin1(raw, from, count) : utf16(raw, from, count);
    }

    public static String latin1(byte[] raw, int from, int count) {
        return new String(raw, from, count, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** UTF-16LE, unit by unit; a trailing odd byte is ignored. */
    public static String utf16(byte[] raw, int from, int count) {
        char[] chars = new char[count / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((raw[from + 2 * i] & 0xFF) | (raw[from + 2 * i + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    public static char upcase(char c) {
        return c < 'a' ? c : c <= 'z' ? (char) (c - 32) : c < 0x80 ? c : Character.toUpperCase(c);
    }

    /** Compares two names case-insensitively, code unit by code unit through the uppercase table. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = upcase(a.charAt(i)) - upcase(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    public static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && compare(a, b) == 0;
    }

    /** The hash stored in an lh list: h = 37·h + unit over the uppercased name (§Hash leaf, Note). */
    public static int lhHash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = 37 * h + upcase(name.charAt(i));
        }
        return h;
    }

    /**
     * The hint stored in an lf list: the first four characters as single bytes, zero-padded; a character above
     * 0xFF cannot be represented, and Windows then stores a zero first byte (§Fast leaf).
     */
    public static int lfHint(String name) {
        int hint = 0;
        for (int i = 0; i < Math.min(4, name.length()); i++) {
            char c = name.charAt(i);
            if (c > 0xFF) {
                return hint & 0xFFFF_FF00;
            }
            hint |= c << (8 * i);
        }
        return hint;
    }
}
