package org.hivescan.recovery;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.TruncatedInputException;

/**
 * The Marvin32 hash that guards every new-format log entry (§Format of transaction log files / New format / Log
 * entries, Notes 1-3): two 32-bit state words mixed with every little-endian dword of the input, then a final
 * dword holding the 0-3 leftover bytes below a 0x80 marker, then one more mix of zero.
 */
final class Marvin32 {
    /**
     * The seed of §New format Note 3, written there as the bytes 82 EF 4D 88 7A 4E 55 C5. Windows uses them as the
     * 64-bit number 0x82EF4D887A4E55C5, whose low half 0x7A4E55C5 is the first state word; the tests check this
     * against entries written by Windows.
     */
    static final long LOG_ENTRY_SEED = 0x82EF4D887A4E55C5L;
    private static final int CHUNK = 64 * 1024; // a multiple of 4, so only the very end has leftover bytes

    private int lo;
    private int hi;

    private Marvin32(long seed) {
        lo = (int) seed;
        hi = (int) (seed >>> 32);
    }

    private void mix(int value) {
        lo += value;
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 20) + hi;
        hi = Integer.rotateLeft(hi, 9) ^ lo;
        lo = Integer.rotateLeft(lo, 27) + hi;
        hi = Integer.rotateLeft(hi, 19);
    }

    /** Mixes whole dwords; returns how many bytes at the end (0-3) were left over. */
    private int mixWords(byte[] data, int from, int count) {
        int end = from + (count & ~3);
        for (int i = from; i < end; i += 4) {
            mix((data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24);
        }
        return count & 3;
    }

    private long finish(byte[] data, int tailFrom, int tailCount) {
        int last = 0x80;
        for (int i = tailCount - 1; i >= 0; i--) {
            last = last << 8 | (data[tailFrom + i] & 0xFF);
        }
        mix(last);
        mix(0);
        return (hi & 0xFFFF_FFFFL) << 32 | (lo & 0xFFFF_FFFFL);
    }

    static long hash(byte[] data, int from, int count, long seed) {
        Marvin32 m = new Marvin32(seed);
        int tail = m.mixWords(data, from, count);
        return m.finish(data, from + count - tail, tail);
    }

    /** Hashes {@code length} bytes of {@code bytes} from {@code offset}, reading them in chunks. */
    static long hash(HiveBytes bytes, long offset, long length, long seed) throws TruncatedInputException {
        Marvin32 m = new Marvin32(seed);
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(length, 0))];
        long done = 0;
        int tail = 0;
        int n = 0;
        while (done < length) {
            n = (int) Math.min(buffer.length, length - done);
            bytes.readBytes(offset + done, buffer, 0, n);
            tail = m.mixWords(buffer, 0, n);
            done += n;
        }
        return m.finish(buffer, n - tail, tail);
    }
}
