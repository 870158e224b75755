package org.hivescan.format;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

/** A key security item, "sk": list links, a reference count and a self-relative descriptor (§Key security). */
public final class SecurityCell {
    public static final int SIGNATURE = CellSpace.signature('s', 'k');
    private static final int FIXED_SIZE = 20;

    private final long offset;
    private final long flink;
    private final long blink;
    private final long referenceCount;
    private final byte[] descriptor;

    private SecurityCell(long offset, long flink, long blink, long referenceCount, byte[] descriptor) {
        this.offset = offset;
        this.flink = flink;
        this.blink = blink;
        this.referenceCount = referenceCount;
        this.descriptor = descriptor;
    }

    public static SecurityCell read(CellSpace space, long rel) throws HiveFormatException {
        Cell cell = space.cell(rel, "security cell", FIXED_SIZE);
        space.expectSignature(cell, SIGNATURE, "security cell");
        HiveBytes b = space.bytes();
        long d = cell.dataFileOffset();
        long size = b.readUnsignedInt(d + 16);
        if (size > cell.dataSize() - FIXED_SIZE) {
            throw space.problem(d + 16, "security descriptor size", "expected at most "
                    + (cell.dataSize() - FIXED_SIZE) + " bytes (what the cell holds), found " + size);
        }
        return new SecurityCell(cell.offset(), b.readUnsignedInt(d + 4), b.readUnsignedInt(d + 8),
                b.readUnsignedInt(d + 12), b.readBytes(d + FIXED_SIZE, (int) size));
    }

    public long offset() {
        return offset;
    }

    public long flink() {
        return flink;
    }

    public long blink() {
        return blink;
    }

    public long referenceCount() {
        return referenceCount;
    }

    /** A copy of the self-relative SECURITY_DESCRIPTOR bytes. */
    public byte[] descriptor() {
        return descriptor.clone();
    }
}
