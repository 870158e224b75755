package org.hivescan.volume;

/**
 * The update sequence array of multi-sector records (MFT "FILE" and index "INDX" records; Linux-NTFS
 * documentation, "Fixup"): the last two bytes of every 512-byte stride hold the update sequence number, and the
 * real bytes are kept in the array. A stride that does not end with the number was torn or damaged.
 */
final class Fixups {
    static final int STRIDE = 512;

    private Fixups() {
    }

    /** Checks and undoes the fixups of {@code record} in place. */
    static void apply(byte[] record, String resource, long diskOffset, String structure)
            throws VolumeFormatException {
        int arrayOffset = Le.u16(record, 4);
        int count = Le.u16(record, 6);
        int strides = record.length / STRIDE;
        if (count != strides + 1) {
            throw new VolumeFormatException(resource, diskOffset + 6, structure, "update sequence count: expected "
                    + (strides + 1) + " (one per 512 bytes plus one), found " + count);
        }
        if ((arrayOffset & 1) != 0 || arrayOffset < 8 || arrayOffset + 2 * count > STRIDE - 2) {
            throw new VolumeFormatException(resource, diskOffset + 4, structure, "update sequence offset: expected "
                    + "an even offset with the array inside the first sector, found 0x" + Integer.toHexString(
                            arrayOffset));
        }
        int usn = Le.u16(record, arrayOffset);
        for (int i = 1; i <= strides; i++) {
            int end = i * STRIDE - 2;
            int found = Le.u16(record, end);
            if (found != usn) {
                throw new VolumeFormatException(resource, diskOffset + end, structure, String.format(
                        "update sequence number at the end of sector %d: expected 0x%04X, found 0x%04X (torn write "
                                + "or damaged record)", i - 1, usn, found));
            }
            record[end] = record[arrayOffset + 2 * i];
            record[end + 1] = record[arrayOffset + 2 * i + 1];
        }
    }
}
