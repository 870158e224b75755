package org.hivescan.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the headers of a transaction log lie (§Format of transaction log files): the base-block copy, then either
 * the old format's "DIRT" vector or the new format's "HvLE" entries with their page references. Parsed by our own
 * code; it stops quietly at the first entry that does not look like one.
 */
final class LogLayout {
    private static final int DIRT = 0x54524944;
    private static final int HVLE = 0x454C7648;
    private static final int SECTOR = 512;

    private final byte[] data;
    private final FieldTable fields = new FieldTable();
    /** File offsets and sizes of the new-format entries, so their hashes can be recomputed after a mutation. */
    private final List<long[]> entries = new ArrayList<>();

    private LogLayout(byte[] data) {
        this.data = data;
    }

    static LogLayout parse(byte[] data) {
        LogLayout layout = new LogLayout(data);
        if (data.length >= SECTOR && layout.i32(0) == 0x66676572) {
            layout.baseBlock();
            if (layout.i32(SECTOR) == DIRT) {
                layout.dirtyVector();
            } else {
                layout.newFormatEntries();
            }
        }
        return layout;
    }

    FieldTable fields() {
        return fields;
    }

    List<long[]> entries() {
        return entries;
    }

    private void baseBlock() {
        int[][] layout = {{4, 4}, {8, 4}, {12, 8}, {20, 4}, {24, 4}, {28, 4}, {32, 4}, {36, 4}, {40, 4}, {44, 4},
            {508, 4}};
        for (int[] f : layout) {
            fields.add(f[0], f[1], FieldKind.LOG_HEADER, -1);
        }
    }

    /** §Old format: "DIRT" at 512, then one bit per 512-byte page of the hive bins. */
    private void dirtyVector() {
        fields.add(SECTOR, 4, FieldKind.LOG_HEADER, -1);
        long bitmapBytes = Math.min((i32(40) & 0xFFFF_FFFFL) / SECTOR / 8, data.length - SECTOR - 4);
        for (long at = SECTOR + 4; at + 4 <= SECTOR + 4 + bitmapBytes; at += 4) {
            fields.add(at, 4, FieldKind.FLAGS, -1);
        }
    }

    /** §New format: entries from 512, each 512-aligned; a 40-byte header, then (offset, size) page references. */
    private void newFormatEntries() {
        long pos = SECTOR;
        while (pos + 40 <= data.length && i32(pos) == HVLE) {
            long size = i32(pos + 4) & 0xFFFF_FFFFL;
            if (size < SECTOR || size % SECTOR != 0 || pos + size > data.length) {
                return;
            }
            entries.add(new long[] {pos, size});
            int[][] header = {{0, 4}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 4}, {24, 8}, {32, 8}};
            for (int[] f : header) {
                fields.add(pos + f[0], f[1], FieldKind.LOG_HEADER, -1);
            }
            long pages = Math.min(i32(pos + 20) & 0xFFFF_FFFFL, (size - 40) / 8);
            for (long i = 0; i < pages; i++) {
                fields.add(pos + 40 + 8 * i, 4, FieldKind.OFFSET, -1);
                fields.add(pos + 44 + 8 * i, 4, FieldKind.SIZE, -1);
            }
            pos += size;
        }
    }

    private int i32(long at) {
        if (at < 0 || at + 4 > data.length) {
            return 0;
        }
        int i = (int) at;
        return (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
    }
}
