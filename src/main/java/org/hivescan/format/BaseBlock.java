package org.hivescan.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

/** The 4096-byte file header of a primary file or of a transaction log (§Base block). */
public final class BaseBlock {
    public static final int SIZE = 4096;
    /** The checksum covers the first 508 bytes (127 dwords); it is stored at offset 508. */
    public static final int CHECKSUM_OFFSET = 508;
    public static final int SIGNATURE = 0x66676572; // "regf"
    public static final int FILE_TYPE_PRIMARY = 0;
    public static final int FILE_TYPE_LOG_OLD = 1;
    public static final int FILE_TYPE_LOG_VERY_OLD = 2;
    public static final int FILE_TYPE_LOG_NEW = 6;

    private final int primarySequence;
    private final int secondarySequence;
    private final long lastWritten;
    private final int majorVersion;
    private final int minorVersion;
    private final int fileType;
    private final int fileFormat;
    private final int rootCellOffset;
    private final int hiveBinsDataSize;
    private final int clusteringFactor;
    private final String fileName;
    private final int storedChecksum;
    private final int computedChecksum;

    private BaseBlock(ByteBuffer b) {
        primarySequence = b.getInt(4);
        secondarySequence = b.getInt(8);
        lastWritten = b.getLong(12);
        majorVersion = b.getInt(20);
        minorVersion = b.getInt(24);
        fileType = b.getInt(28);
        fileFormat = b.getInt(32);
        rootCellOffset = b.getInt(36);
        hiveBinsDataSize = b.getInt(40);
        clusteringFactor = b.getInt(44);
        fileName = decodeFileName(b);
        storedChecksum = b.getInt(CHECKSUM_OFFSET);
        computedChecksum = checksum(b);
    }

    /**
     * Reads the base block at {@code offset} (0 for a primary file and for a log's own header).
     *
     * @throws HiveFormatException when there are fewer than 512 bytes or the signature is not "regf"
     */
    public static BaseBlock read(HiveBytes bytes, long offset) throws HiveFormatException {
        // Logs written since Windows 8.1 keep only the first 512 bytes of the base block (§New format).
        int available = (int) Math.max(0, Math.min(SIZE, bytes.length() - offset));
        if (available < 512) {
            throw new HiveFormatException(bytes.resource(), offset, "base block",
                    "expected at least 512 bytes, found " + available + " (file too short to be a hive)");
        }
        byte[] raw = new byte[SIZE];
        bytes.readBytes(offset, raw, 0, available);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int signature = b.getInt(0);
        if (signature != SIGNATURE) {
            throw new NotAHiveException(bytes.resource(), offset, signature);
        }
        return new BaseBlock(b);
    }

    /** The XOR-32 checksum of the first 508 bytes, with the fix-ups of §Base block Note 2 (0 and -1 are avoided). */
    public static int checksum(ByteBuffer block) {
        int c = 0;
        for (int i = 0; i < CHECKSUM_OFFSET; i += 4) {
            c ^= block.getInt(i);
        }
        if (c == -1) {
            return -2;
        }
        return c == 0 ? 1 : c;
    }

    private static String decodeFileName(ByteBuffer b) {
        byte[] name = new byte[64];
        b.get(48, name);
        String s = new String(name, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    public int primarySequence() {
        return primarySequence;
    }

    public int secondarySequence() {
        return secondarySequence;
    }

    /** Last-written time as a raw FILETIME (100 ns units since 1601-01-01 UTC). */
    public long lastWritten() {
        return lastWritten;
    }

    public int majorVersion() {
        return majorVersion;
    }

    public int minorVersion() {
        return minorVersion;
    }

    public int fileType() {
        return fileType;
    }

    public int fileFormat() {
        return fileFormat;
    }

    /** Offset of the root key node, relative to the start of the hive-bins data. */
    public int rootCellOffset() {
        return rootCellOffset;
    }

    /** The declared size of the hive-bins data; never trusted beyond the real file length. */
    public long hiveBinsDataSize() {
        return hiveBinsDataSize & 0xFFFF_FFFFL;
    }

    public int clusteringFactor() {
        return clusteringFactor;
    }

    /** The partial path of the primary file that Windows stores for debugging (§Base block, Filename). */
    public String fileName() {
        return fileName;
    }

    public int storedChecksum() {
        return storedChecksum;
    }

    public int computedChecksum() {
        return computedChecksum;
    }

    public boolean checksumValid() {
        return storedChecksum == computedChecksum;
    }

    public boolean sequenceNumbersMatch() {
        return primarySequence == secondarySequence;
    }

    /** §Dirty state of a hive: a wrong checksum or unequal sequence numbers. */
    public boolean isDirty() {
        return !checksumValid() || !sequenceNumbersMatch();
    }

    /** Human-readable reasons why the hive is dirty; empty when it is clean. */
    public List<String> dirtyReasons() {
        List<String> reasons = new ArrayList<>();
        if (!checksumValid()) {
            reasons.add(String.format("checksum wrong (stored 0x%08X, computed 0x%08X)", storedChecksum,
                    computedChecksum));
        }
        if (!sequenceNumbersMatch()) {
            reasons.add("sequence numbers differ (primary " + Integer.toUnsignedString(primarySequence)
                    + ", secondary " + Integer.toUnsignedString(secondarySequence) + ")");
        }
        return reasons;
    }

    public String version() {
        return majorVersion + "." + minorVersion;
    }
}
