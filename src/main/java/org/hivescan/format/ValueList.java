package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LittleEndian;

/** A key's value list: a bare array of value-key offsets, not sorted (§Key values list). */
public final class ValueList {
    private final long offset;
    private final long[] elements;

    private ValueList(long offset, long[] elements) {
        this.offset = offset;
        this.elements = elements;
    }

    /** Reads {@code count} offsets; a count larger than the cell can hold is reported and cut to what fits. */
    public static ValueList read(CellSpace space, long rel, long count, ProblemSink sink) throws HiveFormatException {
        Cell cell = space.cell(rel, "value list");
        long fits = cell.dataSize() / 4;
        if (count > fits) {
            sink.report(space.problem(cell.dataFileOffset(), "value list", "expected room for the key's "
                    + count + " values, found a cell holding " + fits));
            count = fits;
        }
        long[] elements = new long[(int) count];
        byte[] raw = space.bytes().readBytes(cell.dataFileOffset(), 4 * elements.length);
        for (int i = 0; i < elements.length; i++) {
            elements[i] = LittleEndian.u32(raw, 4 * i);
        }
        return new ValueList(cell.offset(), elements);
    }

    public long offset() {
        return offset;
    }

    public int size() {
        return elements.length;
    }

    public long element(int i) {
        return elements[i];
    }
}
