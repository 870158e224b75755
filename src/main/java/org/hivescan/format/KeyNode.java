package org.hivescan.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        long d = cell.dataFileOffset();
        // One bounds-checked copy of the fixed part, then plain field reads: a walk reads a million of these.
        ByteBuffer b = ByteBuffer.wrap(space.bytes().readBytes(d, FIXED_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        offset = cell.offset();
        flags = b.getShort(2) & 0xFFFF;
        lastWritten = b.getLong(4);
        accessBits = b.getInt(12);
        parent = b.getInt(16) & 0xFFFF_FFFFL;
        subkeyCount = b.getInt(20) & 0xFFFF_FFFFL;
        subkeyListOffset = b.getInt(28) & 0xFFFF_FFFFL;
        valueCount = b.getInt(36) & 0xFFFF_FFFFL;
        valueListOffset = b.getInt(40) & 0xFFFF_FFFFL;
        securityOffset = b.getInt(44) & 0xFFFF_FFFFL;
        classNameOffset = b.getInt(48) & 0xFFFF_FFFFL;
        largestSubkeyNameField = b.getInt(52);
        int nameLength = b.getShort(72) & 0xFFFF;
        classNameLength = b.getShort(74) & 0xFFFF;
        if (FIXED_SIZE + nameLength > cell.dataSize()) {
            throw space.problem(d + 72, "key node name length", "expected at most "
                    + (cell.dataSize() - FIXED_SIZE) + " bytes (what the cell holds), found " + nameLength);
        }
        byte[] raw = space.bytes().readBytes(d + FIXED_SIZE, nameLength);
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
