package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;

/** A key's class name: a UTF-16LE string in its own cell, found by offset and byte length (§Key node). */
public final class ClassName {
    private ClassName() {
    }

    public static String read(CellSpace space, KeyNode nk) throws HiveFormatException {
        if (nk.classNameLength() == 0 || nk.classNameOffset() == Offsets.relative(Offsets.NONE)) {
            return null;
        }
        Cell cell = space.cell(nk.classNameOffset(), "class name", nk.classNameLength());
        byte[] raw = space.bytes().readBytes(cell.dataFileOffset(), nk.classNameLength());
        return Names.utf16(raw, 0, raw.length);
    }
}
