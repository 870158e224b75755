package org.hivescan.hive;

import java.util.List;
import org.hivescan.format.BaseBlock;

/**
 * What a hive's base block says about the file, in plain types (format spec, "Base block"): the library's view of
 * the header, so that callers need no format-layer type. For a hive made whole from its logs these are the
 * numbers after replay.
 *
 * @param version {@code major.minor}, e.g. {@code 1.5}
 * @param primarySequence the primary sequence number
 * @param secondarySequence the secondary sequence number
 * @param lastWritten the last-written FILETIME (100 ns ticks since 1601)
 * @param storedChecksum the XOR-32 checksum as stored
 * @param checksumValid whether the stored checksum matches the first 508 bytes
 * @param storedFileName the file name Windows stored in the header (often a template's path)
 * @param hiveBinsDataSize the hive-bins data size the header declares, in bytes
 * @param binCount how many hive bins the reader found
 * @param dirty whether the header is dirty (sequence numbers differ, or the checksum is wrong)
 * @param dirtyReasons why, one line each
 */
public record HiveHeader(String version, long primarySequence, long secondarySequence, long lastWritten,
        long storedChecksum, boolean checksumValid, String storedFileName, long hiveBinsDataSize, int binCount,
        boolean dirty, List<String> dirtyReasons) {
    /** The size of the base block in front of the hive-bins data. */
    public static final int BASE_BLOCK_SIZE = BaseBlock.SIZE;

    public HiveHeader {
        dirtyReasons = List.copyOf(dirtyReasons);
    }
}
