package org.hivescan.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hivescan.bytes.HiveFormatException;

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

    private ValueKey(CellSpace space, Cell cell) throws HiveFormatException {
        long d = cell.dataFileOffset();
        ByteBuffer b = ByteBuffer.wrap(space.bytes().readBytes(d, FIXED_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        offset = cell.offset();
        int nameLength = b.getShort(2) & 0xFFFF;
        rawDataSize = b.getInt(4);
        rawDataOffset = b.getInt(8);
        dataOffsetFieldPosition = d + 8;
        type = b.getInt(12);
        flags = b.getShort(16) & 0xFFFF;
        if (FIXED_SIZE + nameLength > cell.dataSize()) {
            throw space.problem(d + 2, "value key name length", "expected at most "
                    + (cell.dataSize() - FIXED_SIZE) + " bytes (what the cell holds), found " + nameLength);
        }
        byte[] raw = space.bytes().readBytes(d + FIXED_SIZE, nameLength);
        boolean compressed = (flags & FLAG_COMP_NAME) != 0 && space.minorVersion() > 1;
        name = Names.decode(raw, compressed);
    }

    public static ValueKey read(CellSpace space, long rel) throws HiveFormatException {
        Cell cell = space.cell(rel, "value key", FIXED_SIZE);
        space.expectSignature(cell, SIGNATURE, "value key");
        return new ValueKey(space, cell);
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
