package org.hivescan.format;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;

/**
 * Reads the data bytes of a value: inline in the offset field, in one data cell, or reassembled from a big-data
 * record (§Key value Data size, §Big data).
 */
public final class ValueData {
    /** Each big-data segment carries at most this many bytes; it is also the threshold for using "db". */
    public static final int SEGMENT_SIZE = 16344;

    private ValueData() {
    }

    /** True when this value's data must be stored as big data (minor version 4 or later, size above 16344). */
    public static boolean usesBigData(CellSpace space, ValueKey vk) {
        return !vk.isInline() && space.minorVersion() >= 4 && vk.dataSize() > SEGMENT_SIZE;
    }

    /**
     * The value's data, exactly {@link ValueKey#dataSize()} bytes.
     *
     * @param maxBytes refuse values larger than this, before allocating anything
     * @param sink receives problems that can be stepped past (a segment count that disagrees with the size)
     */
    public static byte[] read(CellSpace space, ValueKey vk, int maxBytes, ProblemSink sink)
            throws HiveFormatException {
        int size = vk.dataSize();
        if (size > maxBytes) {
            throw new LimitExceededException(space.resource(), Offsets.toFile(vk.offset()) + 8, "value key data size",
                    "data size of value \"" + vk.name() + "\"", size, maxBytes);
        }
        if (vk.isInline()) {
            return inline(space, vk);
        }
        if (size == 0) {
            return new byte[0];
        }
        if (size > space.bins().limit()) {
            // Cells do not overlap, so no data can be larger than the bins holding it. Without this, a big-data
            // record listing one segment thousands of times made a 60 KiB file allocate 50 MB (issue 5,
            // testdata/hardening/bigdata-amplified).
            throw new LimitExceededException(space.resource(), Offsets.toFile(vk.offset()) + 8, "value key data size",
                    "data size of value \"" + vk.name() + "\" (bounded by the hive-bins data)", size,
                    space.bins().limit());
        }
        long rel = Offsets.relative(vk.rawDataOffset());
        if (usesBigData(space, vk)) {
            Cell cell = space.cell(rel, "big data record", 8);
            if (space.signature(cell) == BigData.SIGNATURE) {
                return BigData.read(space, cell).assemble(space, size, sink);
            }
            // hivex writes large values as one plain cell; Windows never does from 1.4 on. Read it, but say so.
            sink.report(space.problem(cell.dataFileOffset(), "big data record signature",
                    "expected \"db\" for " + size + " bytes of data on a version 1." + space.minorVersion()
                            + " hive, found " + CellSpace.signatureText(space.signature(cell))
                            + " (read as one plain data cell)"));
        }
        Cell cell = space.cell(rel, "value data");
        if (cell.dataSize() < size) {
            throw space.problem(cell.dataFileOffset(), "value data cell", "expected at least " + size
                    + " bytes (the value's data size), found a cell of " + cell.dataSize());
        }
        return space.bytes().readBytes(cell.dataFileOffset(), size);
    }

    private static byte[] inline(CellSpace space, ValueKey vk) throws HiveFormatException {
        int size = vk.dataSize();
        if (size > 4) {
            throw space.problem(Offsets.toFile(vk.offset()) + 8, "value key data size", "expected at most 4 bytes "
                    + "of inline data (the size's top bit is set), found " + size);
        }
        HiveBytes b = space.bytes();
        return b.readBytes(vk.dataOffsetFieldPosition(), size);
    }
}
