package org.hivescan.format;

/**
 * A cell (§Cell): a signed 32-bit size (negative when allocated) followed by its data.
 *
 * @param offset the cell's offset relative to the hive-bins data
 * @param size the absolute size including the 4-byte size field
 * @param allocated true when the stored size was negative
 * @param header the bytes before the data: 4, or 8 in version 1.1 hives, whose cells carry a back-link after the
 *     size
 */
public record Cell(long offset, int size, boolean allocated, int header) {
    /** File offset of the first data byte. */
    public long dataFileOffset() {
        return Offsets.toFile(offset) + header;
    }

    /** How many bytes of data the cell can hold. */
    public int dataSize() {
        return size - header;
    }
}
