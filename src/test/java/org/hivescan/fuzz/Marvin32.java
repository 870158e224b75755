package org.hivescan.fuzz;

/**
 * Marvin32, as the new log format uses it for Hash-1 and Hash-2 (§New format, Notes 1-3). The fuzzer recomputes
 * the hashes of entries it has damaged, so that the damage reaches the replay instead of stopping at the hash
 * check. Written here from the published algorithm; {@link LayoutTest} checks it against entries Windows wrote.
 */
final class Marvin32 {
    static final long LOG_SEED = 0x82EF4D887A4E55C5L;

    private Marvin32() {
    }

    static long hash(byte[] data, int from, int count) {
        int lo = (int) LOG_SEED;
        int hi = (int) (LOG_SEED >>> 32);
        int whole = count & ~3;
        for (int i = from; i < from + whole; i += 4) {
            int word = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16
                    | (data[i + 3] & 0xFF) << 24;
            int[] s = mix(lo, hi, word);
            lo = s[0];
            hi = s[1];
        }
        int last = 0x80;
        for (int i = from + count - 1; i >= from + whole; i--) {
            last = last << 8 | (data[i] & 0xFF);
        }
        int[] s = mix(lo, hi, last);
        s = mix(s[0], s[1], 0);
        return (s[1] & 0xFFFF_FFFFL) << 32 | (s[0] & 0xFFFF_FFFFL);
    }

    private static int[] mix(int lo, int hi, int value) {
        lo += value;
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 20) + hi;
        hi = Integer.rotateLeft(hi, 9) ^ lo;
        lo = Integer.rotateLeft(lo, 27) + hi;
        hi = Integer.rotateLeft(hi, 19);
        return new int[] {lo, hi};
    }
}
