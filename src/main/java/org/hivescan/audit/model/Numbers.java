package org.hivescan.audit.model;

/** Numbers written in rule files: decimal or 0x hex, as text or as YAML integers. */
public final class Numbers {
    private Numbers() {
    }

    /** Parses "2048", "0x800" or "0X800"; throws IllegalArgumentException with the offending text otherwise. */
    public static long parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing number");
        }
        try {
            return Long.decode(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: \"" + text + "\"", e);
        }
    }

    /** Like {@link #parse} but with a default for a missing value. */
    public static long parse(String text, long missing) {
        return text == null ? missing : parse(text);
    }

    public static String hex(long value) {
        return String.format("0x%X", value);
    }
}
