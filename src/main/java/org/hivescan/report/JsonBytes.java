package org.hivescan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A minimal JSON writer straight into a byte buffer, for the JSON Lines export, where a whole hive of hundreds of
 * megabytes passes through. It writes exactly what {@link Json#MAPPER} writes for the same strings (ASCII only:
 * every unit from U+0080 up, unpaired surrogates included, as an uppercase {@code \\uXXXX} escape; the short
 * escapes for backspace, tab, newline, form feed and carriage return; other control characters as
 * {@code \\u00XX}), so the export stays byte-identical to the Jackson rendering that {@code ls --json} uses; a test
 * compares the two over the whole corpus. It holds no structure state: callers write well-formed JSON.
 */
final class JsonBytes {
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII unit: 0 when written as is, else the letter of its short escape, or 'u' for \\u00XX. */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    /** Scratch space: a string's units, and a number's digits written from the right. */
    private char[] units = new char[256];
    private final byte[] digits = new byte[20];

    JsonBytes(OutputStream out) {
        this.out = out;
    }

    /** Text known to need no escaping (field names, punctuation, formatted numbers and times). */
    JsonBytes ascii(String text) throws IOException {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            room(1);
            buffer[position++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** ASCII text as bytes, for the constant parts of a record ({@link #raw(byte[])} writes them). */
    static byte[] asciiBytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    JsonBytes ascii(char c) throws IOException {
        room(1);
        buffer[position++] = (byte) c;
        return this;
    }

    /** Bytes already in JSON form, such as a cached escaped string. */
    JsonBytes raw(byte[] bytes, int from, int count) throws IOException {
        if (count > buffer.length - position) {
            flushBuffer();
            if (count > buffer.length) {
                out.write(bytes, from, count);
                return this;
            }
        }
        System.arraycopy(bytes, from, buffer, position, count);
        position += count;
        return this;
    }

    JsonBytes raw(byte[] bytes) throws IOException {
        return raw(bytes, 0, bytes.length);
    }

    /** A quoted, escaped string; null writes {@code null}. */
    JsonBytes string(String text) throws IOException {
        if (text == null) {
            return ascii("null");
        }
        ascii('"');
        escaped(text);
        return ascii('"');
    }

    /** The escaped content of a string, without quotes. */
    JsonBytes escaped(String text) throws IOException {
        int n = text.length();
        if (units.length < n) {
            units = new char[Math.max(n, 2 * units.length)];
        }
        text.getChars(0, n, units, 0);
        int i = 0;
        while (i < n) {
            // Check for room once per run of units that surely fits, not once per unit.
            int fits = Math.min(n - i, (buffer.length - position) / 6);
            if (fits == 0) {
                flushBuffer();
                continue;
            }
            int at = position;
            for (int end = i + fits; i < end; i++) {
                char c = units[i];
                if (c < 0x80 && ESCAPES[c] == 0) {
                    buffer[at++] = (byte) c;
                } else {
                    at = put(c, buffer, at);
                }
            }
            position = at;
        }
        return this;
    }

    /**
     * UTF-16LE units {@code [from, to)} of {@code data} (byte positions) as a quoted, escaped string: the same
     * bytes as {@link #string} of the decoded text, without decoding it first.
     */
    JsonBytes utf16(byte[] data, int from, int to) throws IOException {
        ascii('"');
        int i = from;
        while (i + 1 < to) {
            int fits = Math.min((to - i) / 2, (buffer.length - position) / 6);
            if (fits == 0) {
                flushBuffer();
                continue;
            }
            int at = position;
            for (int end = i + 2 * fits; i < end; i += 2) {
                char c = (char) ((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
                if (c < 0x80 && ESCAPES[c] == 0) {
                    buffer[at++] = (byte) c;
                } else {
                    at = put(c, buffer, at);
                }
            }
            position = at;
        }
        return ascii('"');
    }

    /** Writes one UTF-16 unit at {@code at}, escaped as needed (at most 6 bytes); returns the next position. */
    private static int put(char c, byte[] b, int at) {
        byte shortForm = c < 0x80 ? ESCAPES[c] : (byte) 'u';
        if (shortForm == 0) {
            b[at] = (byte) c;
            return at + 1;
        }
        b[at] = '\\';
        if (shortForm != 'u') {
            b[at + 1] = shortForm;
            return at + 2;
        }
        b[at + 1] = 'u';
        b[at + 2] = HEX_UPPER[c >>> 12];
        b[at + 3] = HEX_UPPER[(c >>> 8) & 0xF];
        b[at + 4] = HEX_UPPER[(c >>> 4) & 0xF];
        b[at + 5] = HEX_UPPER[c & 0xF];
        return at + 6;
    }

    /** A string's escaped, quoted form as bytes (null as {@code null}), for strings written many times. */
    static byte[] quoted(String text) {
        if (text == null) {
            return new byte[] {'n', 'u', 'l', 'l'};
        }
        byte[] b = new byte[6 * text.length() + 2];
        int at = 0;
        b[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            at = put(text.charAt(i), b, at);
        }
        b[at++] = '"';
        return Arrays.copyOf(b, at);
    }

    /** A decimal number, written in place (no string is made for it). */
    JsonBytes number(long value) throws IOException {
        if (value < 0) {
            return ascii(Long.toString(value));
        }
        room(20);
        if (value < 10) {
            buffer[position++] = (byte) ('0' + value);
            return this;
        }
        int at = digits.length;
        for (long v = value; v > 0; v /= 10) {
            digits[--at] = (byte) ('0' + v % 10);
        }
        System.arraycopy(digits, at, buffer, position, digits.length - at);
        position += digits.length - at;
        return this;
    }

    /** Bytes as a quoted lowercase hex string. */
    JsonBytes hex(byte[] data) throws IOException {
        ascii('"');
        int i = 0;
        while (i < data.length) {
            int fits = Math.min(data.length - i, (buffer.length - position) / 2);
            if (fits == 0) {
                flushBuffer();
                continue;
            }
            byte[] b = buffer;
            int at = position;
            for (int end = i + fits; i < end; i++) {
                byte d = data[i];
                b[at++] = HEX_LOWER[(d >> 4) & 0xF];
                b[at++] = HEX_LOWER[d & 0xF];
            }
            position = at;
        }
        return ascii('"');
    }

    private void room(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    /** Writes what is buffered to the stream (which it does not flush or close). */
    void flush() throws IOException {
        flushBuffer();
    }
}
