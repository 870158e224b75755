package org.hivescan.format;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

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

        static Kind of(int signature) {
            for (Kind k : values()) {
                if (k.signature == signature) {
                    return k;
                }
            }
            return null;
        }
    }

    private final long offset;
    private final Kind kind;
    private final long[] elements;
    private final int[] hints;

    private SubkeyList(long offset, Kind kind, long[] elements, int[] hints) {
        this.offset = offset;
        this.kind = kind;
        this.elements = elements;
        this.hints = hints;
    }

    /**
     * Reads one list cell. When its count claims more elements than the cell holds, the problem goes to the sink
     * and only the elements that fit are kept.
     */
    public static SubkeyList read(CellSpace space, long rel, ProblemSink sink) throws HiveFormatException {
        Cell cell = space.cell(rel, "subkey list", 4);
        int signature = space.signature(cell);
        Kind kind = Kind.of(signature);
        if (kind == null) {
            throw space.problem(cell.dataFileOffset(), "subkey list signature",
                    "expected \"li\", \"lf\", \"lh\" or \"ri\", found " + CellSpace.signatureText(signature));
        }
        HiveBytes b = space.bytes();
        long d = cell.dataFileOffset();
        int count = b.readUnsignedShort(d + 2);
        int fits = (cell.dataSize() - 4) / kind.elementSize;
        if (count > fits) {
            sink.report(space.problem(d + 2, kind.name().toLowerCase(java.util.Locale.ROOT) + " element count",
                    "expected at most " + fits + " elements (what the cell holds), found " + count));
            count = fits;
        }
        long[] elements = new long[count];
        int[] hints = kind.elementSize == 8 ? new int[count] : null;
        for (int i = 0; i < count; i++) {
            long at = d + 4 + (long) i * kind.elementSize;
            elements[i] = b.readUnsignedInt(at);
            if (hints != null) {
                hints[i] = b.readInt(at + 4);
            }
        }
        return new SubkeyList(cell.offset(), kind, elements, hints);
    }

    public long offset() {
        return offset;
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return elements.length;
    }

    /** Element i: a key node offset, or for an index root, the offset of a leaf list. */
    public long element(int i) {
        return elements[i];
    }

    /** The first {@code max} elements (all of them when there are fewer), as a new array. */
    public long[] elements(long max) {
        return java.util.Arrays.copyOf(elements, (int) Math.min(elements.length, max));
    }

    /** The lf name hint or lh name hash of element i; only for lf and lh lists. */
    public int hint(int i) {
        return hints[i];
    }

    public boolean hasHints() {
        return hints != null;
    }
}
