package org.hivescan.volume;

import java.io.IOException;

/** Writes into fixup-protected records the way NTFS stores them: a stride's last two bytes live in the array. */
final class Damage {
    private Damage() {
    }

    /** Patches {@code bytes} at {@code field} of the multi-sector record at {@code record} (disk offsets). */
    static void inRecord(PatchedSource disk, long record, int field, byte... bytes) throws IOException {
        byte[] header = disk.read(record, 8);
        int usa = Le.u16(header, 4);
        for (int k = 0; k < bytes.length; k++) {
            int q = field + k;
            int inStride = q % Fixups.STRIDE;
            if (inStride >= Fixups.STRIDE - 2) {
                int slot = usa + 2 * (q / Fixups.STRIDE + 1) + inStride - (Fixups.STRIDE - 2);
                disk.patch(record + slot, bytes[k]);
            } else {
                disk.patch(record + q, bytes[k]);
            }
        }
    }

    /** The record as stored after fixups are undone, for finding fields. */
    static byte[] record(PatchedSource disk, long record, int size) throws IOException {
        byte[] b = disk.read(record, size);
        Fixups.apply(b, "test", record, "record");
        return b;
    }

    /** Offset inside the record of its first attribute of {@code type}, or -1. */
    static int attribute(byte[] record, int type) {
        int at = Le.u16(record, 20);
        while (at + 8 <= record.length && Le.u32(record, at) != 0xFFFFFFFFL) {
            if (Le.u32(record, at) == type) {
                return at;
            }
            at += (int) Le.u32(record, at + 4);
        }
        return -1;
    }

    static byte[] le(long value, int width) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return b;
    }
}
