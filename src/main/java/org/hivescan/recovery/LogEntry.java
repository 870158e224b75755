package org.hivescan.recovery;

/**
 * One verified new-format log entry (§New format / Log entries): where it lies in its log, and the header fields
 * that recovery uses. Its page references and pages follow the 40-byte header.
 *
 * @param offset the entry's file offset in the log
 * @param size the entry's size, a multiple of 512
 * @param flags the saved copy of base-block flag 0x1 (Note 11)
 * @param sequence the entry's sequence number
 * @param hiveBinsSize the hive-bins data size after this entry (Note 9: the hive grows to it)
 * @param pageCount how many dirty pages the entry carries
 */
record LogEntry(long offset, long size, int flags, int sequence, long hiveBinsSize, int pageCount) {
    static final int HEADER_SIZE = 40;

    /** File offset of the first page reference. */
    long referencesOffset() {
        return offset + HEADER_SIZE;
    }

    /** File offset of the first page's data, just after the references. */
    long pagesOffset() {
        return offset + HEADER_SIZE + 8L * pageCount;
    }
}
