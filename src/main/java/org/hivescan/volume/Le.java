package org.hivescan.volume;

/** Little-endian field reads from a buffer the caller has bounds-checked. */
final class Le {
    private Le() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return s32(b, at) & 0xFFFFFFFFL;
    }

    static int s32(byte[] b, int at) {
        return u16(b, at) | u16(b, at + 2) << 16;
    }

    static long s64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    /** A GUID in the registry spelling: the first three fields little-endian, the last two as stored. */
    static String guid(byte[] b, int at) {
        return String.format("%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", u32(b, at), u16(b, at + 4),
                u16(b, at + 6), u8(b, at + 8), u8(b, at + 9), u8(b, at + 10), u8(b, at + 11), u8(b, at + 12),
                u8(b, at + 13), u8(b, at + 14), u8(b, at + 15));
    }

    /** An unsigned little-endian integer of 1-8 bytes; a signed one when {@code signed} (sign from the top byte). */
    static long varint(byte[] b, int at, int width, boolean signed) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (b[at + i] & 0xFF);
        }
        if (signed && width < 8 && (b[at + width - 1] & 0x80) != 0) {
            value |= -1L << (8 * width);
        }
        return value;
    }

    /** UTF-16LE code units as stored, unpaired surrogates kept (NTFS names are UCS-2, not validated UTF-16). */
    static String utf16(byte[] b, int at, int chars) {
        char[] c = new char[chars];
        for (int i = 0; i < chars; i++) {
            c[i] = (char) u16(b, at + 2 * i);
        }
        return new String(c);
    }
}
