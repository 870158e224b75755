package org.hivescan.recovery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;

/**
 * The base block a recovered hive gets. It starts from the primary's own base block when that is valid, else from
 * the log's copy (§Old format / Base block Note 4, §New format Note 6). Afterwards both sequence numbers are equal,
 * the file type says "primary", the hive-bins size is the logged one, and the checksum is recomputed (regf-notes:
 * regipy #195 forgot that last step).
 */
final class RecoveredBaseBlock {
    private static final int SEQ1 = 4;
    private static final int SEQ2 = 8;
    private static final int FILE_TYPE = 28;
    private static final int HIVE_BINS_SIZE = 40;
    /** The Windows 10 base-block flags; only bit 0x1 travels through log entries (§New format Note 11). */
    private static final int FLAGS = 144;

    private final ByteBuffer block;

    private RecoveredBaseBlock(byte[] raw) {
        block = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts from the primary's own 4096 bytes. */
    static RecoveredBaseBlock fromPrimary(HiveBytes primary) throws HiveFormatException {
        return copyOf(primary, BaseBlock.SIZE);
    }

    /** Starts from a log's 512-byte copy; the rest of the block, which has no meaning on disk, stays zero. */
    static RecoveredBaseBlock fromLog(LogFile log) throws HiveFormatException {
        return copyOf(log.bytes(), LogFile.HEADER_SIZE);
    }

    private static RecoveredBaseBlock copyOf(HiveBytes bytes, int count) throws HiveFormatException {
        byte[] raw = new byte[BaseBlock.SIZE];
        bytes.readBytes(0, raw, 0, (int) Math.min(count, bytes.length()));
        return new RecoveredBaseBlock(raw);
    }

    RecoveredBaseBlock sequence(int sequence) {
        block.putInt(SEQ1, sequence);
        block.putInt(SEQ2, sequence);
        return this;
    }

    RecoveredBaseBlock hiveBinsSize(long size) {
        block.putInt(HIVE_BINS_SIZE, (int) size);
        return this;
    }

    /** Sets or clears flag 0x1 as the last applied log entry recorded it. */
    RecoveredBaseBlock lockedFlag(int entryFlags) {
        int flags = block.getInt(FLAGS);
        block.putInt(FLAGS, (entryFlags & 1) != 0 ? flags | 1 : flags & ~1);
        return this;
    }

    /** The finished block: file type primary and a fresh checksum. */
    byte[] bytes() {
        block.putInt(FILE_TYPE, BaseBlock.FILE_TYPE_PRIMARY);
        block.putInt(BaseBlock.CHECKSUM_OFFSET, BaseBlock.checksum(block));
        return block.array();
    }
}
