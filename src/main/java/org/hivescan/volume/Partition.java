package org.hivescan.volume;

/**
 * One entry of a partition table.
 *
 * @param index    1-based: the MBR slot (1-4) or logical drive number (5 up, as Linux counts), the GPT entry slot,
 *                 or 1 for a disk without a table
 * @param scheme   the table the entry came from
 * @param type     the MBR type byte as {@code 0x07}, or the GPT type GUID in its registry spelling
 * @param typeName what the type means, for people ("Microsoft basic data", "EFI system", ...)
 * @param start    byte offset of the first byte on the disk
 * @param length   byte length
 * @param name     the GPT partition name, or "" for MBR
 * @param flags    the MBR status byte (0x80 = active) or the GPT attribute bits
 */
public record Partition(int index, PartitionScheme scheme, String type, String typeName, long start, long length,
        String name, long flags) {

    /** The byte just past the partition. */
    public long end() {
        return start + length;
    }
}
