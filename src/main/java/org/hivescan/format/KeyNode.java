package org.hivescan.format;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

/** A key node, "nk" (§Key node). Offsets are the stored relative values, unsigned, or -1 for "none". */
public final class KeyNode {
    public static final int SIGNATURE = CellSpace.signature('n', 'k');
    public static final int FLAG_VOLATILE = 0x0001;
    public static final int FLAG_HIVE_EXIT = 0x0002;
    public static final int FLAG_HIVE_ENTRY = 0x0004;
    public static final int FLAG_NO_DELETE = 0x0008;
    public static final int FLAG_SYM_LINK = 0x0010;
    public static final int FLAG_COMP_NAME = 0x0020;
    public static final int FLAG_PREDEF_HANDLE = 0x0040;
    /** The fixed part before the name. */
    public static final int FIXED_SIZE = 76;

    private final long offset;
    private final int flags;
    private final long lastWritten;
    private final int accessBits;
    private final long parent;
    private final long subkeyCount;
    private final long subkeyListOffset;
    private final long valueCount;
    private final long valueListOffset;
    private final long securityOffset;
    private final long classNameOffset;
    private final int classNameLength;
    private final int largestSubkeyNameField;
    private final String name;

    private KeyNode(CellSpace space, Cell cell) throws HiveFormatException {
        HiveBytes b = space.bytes();
        long d = cell.dataFileOffset();
        offset = cell.offset();
        flags = b.readUnsignedShort(d + 2);
        lastWritten = b.readLong(d + 4);
        accessBits = b.readInt(d + 12);
        parent = b.readUnsignedInt(d + 16);
        subkeyCount = b.readUnsignedInt(d + 20);
        subkeyListOffset = b.readUnsignedInt(d + 28);
        valueCount = b.readUnsignedInt(d + 36);
        valueListOffset = b.readUnsignedInt(d + 40);
        securityOffset = b.readUnsignedInt(d + 44);
        classNameOffset = b.readUnsignedInt(d + 48);
        largestSubkeyNameField = b.readInt(d + 52);
        int nameLength = b.readUnsignedShort(d + 72);
        classNameLength = b.readUnsignedShort(d + 74);
        if (FIXED_SIZE + nameLength > cell.dataSize()) {
            throw space.problem(d + 72, "key node name length", "expected at most "
                    + (cell.dataSize() - FIXED_SIZE) + " bytes (what the cell holds), found " + nameLength);
        }
        byte[] raw = b.readBytes(d + FIXED_SIZE, nameLength);
        // Hives of minor version 1 (NT 3.1) do not use the compressed-name flag: names are UTF-16LE there.
        boolean compressed = (flags & FLAG_COMP_NAME) != 0 && space.minorVersion() > 1;
        name = Names.decode(raw, compressed);
    }

    public static KeyNode read(CellSpace space, long rel) throws HiveFormatException {
        Cell cell = space.cell(rel, "key node", FIXED_SIZE);
        space.expectSignature(cell, SIGNATURE, "key node");
        return new KeyNode(space, cell);
    }

    public long offset() {
        return offset;
    }

    public int flags() {
        return flags;
    }

    public boolean isRoot() {
        return (flags & FLAG_HIVE_ENTRY) != 0;
    }

    public boolean isSymbolicLink() {
        return (flags & FLAG_SYM_LINK) != 0;
    }

    public boolean isCompressedName() {
        return (flags & FLAG_COMP_NAME) != 0;
    }

    /** Last-written time as a raw FILETIME, kept at full 100 ns precision. */
    public long lastWritten() {
        return lastWritten;
    }

    /** Access bits (Windows 8 and later; §Key node). */
    public int accessBits() {
        return accessBits;
    }

    public long parentOffset() {
        return parent;
    }

    /** The stable subkey count; volatile subkeys are not stored on disk. */
    public long subkeyCount() {
        return subkeyCount;
    }

    public long subkeyListOffset() {
        return subkeyListOffset;
    }

    public long valueCount() {
        return valueCount;
    }

    public long valueListOffset() {
        return valueListOffset;
    }

    public long securityOffset() {
        return securityOffset;
    }

    public long classNameOffset() {
        return classNameOffset;
    }

    public int classNameLength() {
        return classNameLength;
    }

    /** Bits 16..31 of the old "largest subkey name length" field hold virtualization and user flags. */
    public int userFlags() {
        return (largestSubkeyNameField >>> 20) & 0xF;
    }

    public int virtualizationControlFlags() {
        return (largestSubkeyNameField >>> 24) & 0xF;
    }

    public String name() {
        return name;
    }

    public boolean hasNoSubkeyList() {
        return subkeyListOffset == Offsets.relative(Offsets.NONE);
    }

    public boolean hasNoValueList() {
        return valueListOffset == Offsets.relative(Offsets.NONE);
    }
}
