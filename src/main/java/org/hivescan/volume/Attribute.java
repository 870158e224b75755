package org.hivescan.volume;

/**
 * One attribute record of an MFT record (Linux-NTFS documentation, "Attribute - Standard Header").
 *
 * @param type        attribute type code (0x80 $DATA, 0x90 $INDEX_ROOT, ...)
 * @param name        attribute name ("" for the unnamed $DATA, "$I30" for file-name indexes)
 * @param flags       0x0001 compressed, 0x4000 encrypted, 0x8000 sparse
 * @param value       the value of a resident attribute; null when non-resident
 * @param startVcn    first VCN this extent maps (non-resident)
 * @param lastVcn     last VCN this extent maps (non-resident)
 * @param runs        the decoded mapping pairs of this extent (non-resident)
 * @param dataSize    the stream's size; valid in the extent with start VCN 0
 * @param initialized the stream's initialized (valid data) size; valid in the extent with start VCN 0
 * @param diskOffset  where the attribute record sits on the disk, for error messages
 */
record Attribute(int type, String name, int flags, byte[] value, long startVcn, long lastVcn, Runs runs,
        long dataSize, long initialized, long diskOffset) {
    static final int STANDARD_INFORMATION = 0x10;
    static final int ATTRIBUTE_LIST = 0x20;
    static final int FILE_NAME = 0x30;
    static final int DATA = 0x80;
    static final int INDEX_ROOT = 0x90;
    static final int INDEX_ALLOCATION = 0xA0;
    static final int FLAG_COMPRESSED = 0x0001;
    static final int FLAG_ENCRYPTED = 0x4000;

    boolean resident() {
        return value != null;
    }
}
