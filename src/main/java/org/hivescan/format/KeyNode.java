package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LittleEndian;

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

    private KeyNode(Cell cell, byte[] b, String name) {
        offset = cell.offset();
        flags = LittleEndian.u16(b, 2);
        lastWritten = LittleEndian.i64(b, 4);
        accessBits = LittleEndian.i32(b, 12);
        parent = LittleEndian.u32(b, 16);
        subkeyCount = LittleEndian.u32(b, 20);
        subkeyListOffset = LittleEndian.u32(b, 28);
        valueCount = LittleEndian.u32(b, 36);
        valueListOffset = LittleEndian.u32(b, 40);
        securityOffset = LittleEndian.u32(b, 44);
        classNameOffset = LittleEndian.u32(b, 48);
        largestSubkeyNameField = LittleEndian.i32(b, 52);
        classNameLength = LittleEndian.u16(b, 74);
        this.name = name;
    }

    public static KeyNode read(CellSpace space, long rel) throws HiveFormatException {
        Cell cell = space.cell(rel, "key node", FIXED_SIZE);
        // The signature first: a list entry pointing at some other cell must be named as that, not as a bad length.
        space.expectSignature(cell, SIGNATURE, "key node");
        long d = cell.dataFileOffset();
        int nameLength = space.bytes().readUnsignedShort(d + 72);
        if (FIXED_SIZE + nameLength > cell.dataSize()) {
            throw space.problem(d + 72, "key node name length", "expected at most "
                    + (cell.dataSize() - FIXED_SIZE) + " bytes (what the cell holds), found " + nameLength);
        }
        // The fixed part and the name in one bounds-checked copy: a walk reads a million of these.
        byte[] b = space.bytes().readBytes(d, FIXED_SIZE + nameLength);
        // Hives of minor version 1 (NT 3.1) do not use the compressed-name flag: names are UTF-16LE there.
        boolean compressed = (LittleEndian.u16(b, 2) & FLAG_COMP_NAME) != 0 && space.minorVersion() > 1;
        return new KeyNode(cell, b, Names.decode(b, FIXED_SIZE, nameLength, compressed));
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
