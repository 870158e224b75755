package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LittleEndian;

/** A key value, "vk" (§Key value). The data itself is read separately by {@link ValueData}. */
public final class ValueKey {
    public static final int SIGNATURE = CellSpace.signature('v', 'k');
    public static final int FLAG_COMP_NAME = 0x0001;
    public static final int FLAG_TOMBSTONE = 0x0002;
    public static final int FIXED_SIZE = 20;
    /** The top bit of the data size says the data (at most 4 bytes) sits in the data-offset field (§Data size). */
    public static final int INLINE_BIT = 0x8000_0000;

    private final long offset;
    private final int rawDataSize;
    private final int rawDataOffset;
    private final int type;
    private final int flags;
    private final String name;
    private final long dataOffsetFieldPosition;

    private ValueKey(Cell cell, byte[] b, String name) {
        offset = cell.offset();
        rawDataSize = LittleEndian.i32(b, 4);
        rawDataOffset = LittleEndian.i32(b, 8);
        dataOffsetFieldPosition = cell.dataFileOffset() + 8;
        type = LittleEndian.i32(b, 12);
        flags = LittleEndian.u16(b, 16);
        this.name = name;
    }

    public static ValueKey read(CellSpace space, long rel) throws HiveFormatException {
        Cell cell = space.cell(rel, "value key", FIXED_SIZE);
        // The signature first: a list entry pointing at some other cell must be named as that, not as a bad length.
        space.expectSignature(cell, SIGNATURE, "value key");
        long d = cell.dataFileOffset();
        int nameLength = space.bytes().readUnsignedShort(d + 2);
        if (FIXED_SIZE + nameLength > cell.dataSize()) {
            throw space.problem(d + 2, "value key name length", "expected at most "
                    + (cell.dataSize() - FIXED_SIZE) + " bytes (what the cell holds), found " + nameLength);
        }
        // The fixed part and the name in one bounds-checked copy.
        byte[] b = space.bytes().readBytes(d, FIXED_SIZE + nameLength);
        boolean compressed = (LittleEndian.u16(b, 16) & FLAG_COMP_NAME) != 0 && space.minorVersion() > 1;
        return new ValueKey(cell, b, Names.decode(b, FIXED_SIZE, nameLength, compressed));
    }

    public long offset() {
        return offset;
    }

    /** The value's name; empty for the default value. */
    public String name() {
        return name;
    }

    /** The raw 32-bit type, whatever it is (SAM stores RIDs there, devices use 0xFFFF00xx). */
    public int type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public boolean isInline() {
        return (rawDataSize & INLINE_BIT) != 0;
    }

    /** The data size with the inline bit cleared. */
    public int dataSize() {
        return rawDataSize & ~INLINE_BIT;
    }

    public int rawDataSize() {
        return rawDataSize;
    }

    /** The stored data offset, or for inline data the field holding the data itself. */
    public int rawDataOffset() {
        return rawDataOffset;
    }

    /** File offset of the data-offset field, where inline data lives. */
    public long dataOffsetFieldPosition() {
        return dataOffsetFieldPosition;
    }
}
