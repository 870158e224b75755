package org.hivescan.format;

/**
 * A cell (§Cell): a signed 32-bit size (negative when allocated) followed by its data.
 *
 * @param offset the cell's offset relative to the hive-bins data
 * @param size the absolute size including the 4-byte size field
 * @param allocated true when the stored size was negative
 */
public record Cell(long offset, int size, boolean allocated) {
    public static final int HEADER = 4;

    /** File offset of the first data byte. */
    public long dataFileOffset() {
        return Offsets.toFile(offset) + HEADER;
    }

    /** How many bytes of data the cell can hold. */
    public int dataSize() {
        return size - HEADER;
    }
}
