package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LittleEndian;

/**
 * One subkey list cell: an index leaf "li", fast leaf "lf", hash leaf "lh", or index root "ri" whose elements are
 * further leaves (§Index leaf, §Fast leaf, §Hash leaf, §Index root).
 */
public final class SubkeyList {
    public enum Kind {
        LI('l', 'i', 4), LF('l', 'f', 8), LH('l', 'h', 8), RI('r', 'i', 4);

        private final int signature;
        private final int elementSize;

        Kind(char a, char b, int elementSize) {
            this.signature = CellSpace.signature(a, b);
            this.elementSize = elementSize;
        }

        public int elementSize() {
            return elementSize;
        }

        /** values() copies the array on every call, and a walk asks once per list. */
        private static final Kind[] ALL = values();

        static Kind of(int signature) {
            for (Kind k : ALL) {
                if (k.signature == signature) {
                    return k;
                }
            }
            return null;
        }
    }

    private final CellSpace space;
    private final long offset;
    private final Kind kind;
    private final long elementsAt;
    private final int count;

    private SubkeyList(CellSpace space, long offset, Kind kind, long elementsAt, int count) {
        this.space = space;
        this.offset = offset;
        this.kind = kind;
        this.elementsAt = elementsAt;
        this.count = count;
    }

    /**
     * Reads one list cell's header. Elements are read on demand, so a lookup in a list of 100,000 keys touches
     * only the entries a binary search visits. When the count claims more elements than the cell holds, the
     * problem goes to the sink and only the elements that fit are used.
     */
    public static SubkeyList read(CellSpace space, long rel, ProblemSink sink) throws HiveFormatException {
        Cell cell = space.cell(rel, "subkey list", 4);
        int signature = space.signature(cell);
        Kind kind = Kind.of(signature);
        if (kind == null) {
            throw space.problem(cell.dataFileOffset(), "subkey list signature",
                    "expected \"li\", \"lf\", \"lh\" or \"ri\", found " + CellSpace.signatureText(signature));
        }
        long d = cell.dataFileOffset();
        int count = space.bytes().readUnsignedShort(d + 2);
        int fits = (cell.dataSize() - 4) / kind.elementSize;
        if (count > fits) {
            sink.report(space.problem(d + 2, kind.name().toLowerCase(java.util.Locale.ROOT) + " element count",
                    "expected at most " + fits + " elements (what the cell holds), found " + count));
            count = fits;
        }
        return new SubkeyList(space, cell.offset(), kind, d + 4, count);
    }

    public long offset() {
        return offset;
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return count;
    }

    /** Element i: a key node offset, or for an index root, the offset of a leaf list. */
    public long element(int i) throws HiveFormatException {
        return space.bytes().readUnsignedInt(elementsAt + (long) i * kind.elementSize);
    }

    /** The first {@code max} elements (all of them when there are fewer), as a new array. */
    public long[] elements(long max) throws HiveFormatException {
        long[] out = new long[(int) Math.min(count, max)];
        // One bounds-checked copy of the element area rather than a checked read per element.
        byte[] raw = space.bytes().readBytes(elementsAt, out.length * kind.elementSize);
        for (int i = 0; i < out.length; i++) {
            out[i] = LittleEndian.u32(raw, i * kind.elementSize);
        }
        return out;
    }

    /** The lf name hint or lh name hash of element i; only for lf and lh lists. */
    public int hint(int i) throws HiveFormatException {
        return space.bytes().readInt(elementsAt + (long) i * kind.elementSize + 4);
    }

    public boolean hasHints() {
        return kind.elementSize == 8;
    }
}
