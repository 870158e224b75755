package org.hivescan.fuzz;

import java.util.Arrays;

/**
 * The mutable fields found in one seed, as parallel arrays: big seeds hold hundreds of thousands of fields, and a
 * record per field would cost several times the memory.
 */
final class FieldTable {
    private long[] at = new long[256];
    private byte[] width = new byte[256];
    private byte[] kind = new byte[256];
    /** The relative offset of the cell holding the field, or -1 outside cells (base block, bin headers, logs). */
    private long[] cell = new long[256];
    private int size;

    void add(long fileOffset, int bytes, FieldKind fieldKind, long cellRel) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            width = Arrays.copyOf(width, n);
            kind = Arrays.copyOf(kind, n);
            cell = Arrays.copyOf(cell, n);
        }
        at[size] = fileOffset;
        width[size] = (byte) bytes;
        kind[size] = (byte) fieldKind.ordinal();
        cell[size] = cellRel;
        size++;
    }

    int size() {
        return size;
    }

    long at(int i) {
        return at[i];
    }

    int width(int i) {
        return width[i];
    }

    FieldKind kind(int i) {
        return FieldKind.values()[kind[i]];
    }

    long cell(int i) {
        return cell[i];
    }

    /** Indexes of the fields of one kind, for choosing among them. */
    int[] indexesOf(FieldKind wanted) {
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (kind[i] == wanted.ordinal()) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
