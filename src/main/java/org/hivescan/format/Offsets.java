package org.hivescan.format;

/** Arithmetic on the 32-bit cell offsets of §Base block Note 1, done in {@code long} so nothing overflows. */
public final class Offsets {
    /** File offset of the hive-bins data: every stored offset counts from here. */
    public static final long BINS_START = 4096;
    /** The stored value 0xFFFFFFFF means "no cell". */
    public static final int NONE = -1;

    private Offsets() {
    }

    /** A stored offset field, read as the unsigned number it is. */
    public static long relative(int stored) {
        return stored & 0xFFFF_FFFFL;
    }

    public static long toFile(long relative) {
        return BINS_START + relative;
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
    }
}
