package org.hivescan.format;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

/** A big-data record, "db": a count and the offset of a list of data segments (§Big data). */
public final class BigData {
    public static final int SIGNATURE = CellSpace.signature('d', 'b');

    private final long offset;
    private final int segmentCount;
    private final long segmentListOffset;

    private BigData(long offset, int segmentCount, long segmentListOffset) {
        this.offset = offset;
        this.segmentCount = segmentCount;
        this.segmentListOffset = segmentListOffset;
    }

    static BigData read(CellSpace space, Cell cell) throws HiveFormatException {
        HiveBytes b = space.bytes();
        long d = cell.dataFileOffset();
        return new BigData(cell.offset(), b.readUnsignedShort(d + 2), b.readUnsignedInt(d + 4));
    }

    public long offset() {
        return offset;
    }

    public int segmentCount() {
        return segmentCount;
    }

    public long segmentListOffset() {
        return segmentListOffset;
    }

    /**
     * Joins the segments into {@code size} bytes. Every segment but the last carries 16344 bytes; Windows ignores
     * anything after that in a segment, and when the segment count disagrees with the size, the size wins
     * (libregf's reading, §Big data).
     */
    byte[] assemble(CellSpace space, int size, ProblemSink sink) throws HiveFormatException {
        // Rounded up in 64 bits: in int, a size near 2^31 wrapped to a negative count (bigdata-size-overflow).
        int needed = Math.toIntExact((size + (long) ValueData.SEGMENT_SIZE - 1) / ValueData.SEGMENT_SIZE);
        long recordAt = Offsets.toFile(offset) + space.cellHeader() + 2;
        if (segmentCount < needed) {
            throw space.problem(recordAt, "big data segment count", "expected " + needed + " segments for "
                    + size + " bytes, found " + segmentCount);
        }
        if (segmentCount != needed) {
            sink.report(space.problem(recordAt, "big data segment count", "expected " + needed
                    + " segments for " + size + " bytes, found " + segmentCount + " (extra segments ignored)"));
        }
        Cell list = space.cell(segmentListOffset, "big data segment list", Math.multiplyExact(4, needed));
        byte[] out = new byte[size];
        for (int i = 0; i < needed; i++) {
            long segment = space.bytes().readUnsignedInt(list.dataFileOffset() + 4L * i);
            int at = Math.multiplyExact(i, ValueData.SEGMENT_SIZE);
            int take = Math.min(ValueData.SEGMENT_SIZE, size - at);
            Cell cell = space.cell(segment, "big data segment " + i, take);
            space.bytes().readBytes(cell.dataFileOffset(), out, at, take);
        }
        return out;
    }
}
