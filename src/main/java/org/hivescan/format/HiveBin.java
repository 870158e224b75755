package org.hivescan.format;

/**
 * One hive bin header (§Hive bin): where the bin starts, relative to the hive-bins data, and how long it is.
 *
 * @param offset the bin's start relative to the hive-bins data (file offset minus 4096)
 * @param size the bin's size in bytes, a multiple of 4096
 * @param timestamp the FILETIME in the header; only the first bin's is meaningful (a backup of "last written")
 */
public record HiveBin(long offset, long size, long timestamp) {
    public static final int HEADER_SIZE = 32;
    public static final int SIGNATURE = 0x6E696268; // "hbin"
    public static final int ALIGNMENT = 4096;

    public long end() {
        return offset + size;
    }
}
