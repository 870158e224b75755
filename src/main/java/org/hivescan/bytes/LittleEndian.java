package org.hivescan.bytes;

/**
 * Little-endian fields of a byte array that was already copied, bounds and all, out of a {@link HiveBytes}. Plain
 * shifts rather than a heap ByteBuffer: the structures a walk reads a million times are parsed here, and code this
 * simple runs fast before the JIT has compiled it, which is where a one-shot walk spends much of its time.
 */
public final class LittleEndian {
    private LittleEndian() {
    }

    public static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    public static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }

    /** A 32-bit field read as the unsigned number it is. */
    public static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }

    public static long i64(byte[] b, int at) {
        return (i32(b, at) & 0xFFFF_FFFFL) | (long) i32(b, at + 4) << 32;
    }
}
