package org.hivescan.recovery;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.HiveBin;
import org.hivescan.format.Offsets;

/**
 * An old-format log (§Old format): the base-block copy, then at offset 512 the dirty vector ("DIRT" and a bitmap
 * with one bit per 512-byte page of the hive bins, least significant bit first), then the dirty pages, packed, from
 * the first 512-byte boundary after the bitmap. That boundary is 1024 only while the bitmap fits in 508 bytes, i.e.
 * for hive bins up to 2 MiB (§Dirty pages; regf-notes: regipy hard-codes 1024).
 */
final class OldFormatLog {
    static final int DIRT = 0x54524944; // "DIRT"
    static final int VECTOR_OFFSET = 512;
    static final int PAGE = 512;
    private static final int BITMAP_OFFSET = VECTOR_OFFSET + 4;

    private final LogFile log;
    private final long hiveBinsSize;
    private final byte[] bitmap;
    private final long pagesOffset;

    private OldFormatLog(LogFile log, long hiveBinsSize, byte[] bitmap) {
        this.log = log;
        this.hiveBinsSize = hiveBinsSize;
        this.bitmap = bitmap;
        long end = BITMAP_OFFSET + (long) bitmap.length;
        this.pagesOffset = (end + PAGE - 1) / PAGE * PAGE;
    }

    /** Reads the dirty vector, or says why the log cannot be used. */
    static Parsed parse(LogFile log) throws HiveFormatException {
        HiveBytes bytes = log.bytes();
        long hiveBins = log.header().hiveBinsDataSize();
        if (hiveBins == 0 || hiveBins % HiveBin.ALIGNMENT != 0) {
            return Parsed.rejected("invalid: base block hive-bins data size " + hiveBins
                    + " is not a non-zero multiple of 4096");
        }
        if (!bytes.contains(VECTOR_OFFSET, 4) || bytes.readInt(VECTOR_OFFSET) != DIRT) {
            return Parsed.rejected("invalid: no \"DIRT\" dirty vector at offset 0x200");
        }
        // Bitmap length in bits = hive-bins size / 512 (§Dirty vector), so in bytes it is hive-bins size / 4096.
        long bitmapBytes = hiveBins / HiveBin.ALIGNMENT;
        if (!bytes.contains(BITMAP_OFFSET, bitmapBytes)) {
            return Parsed.rejected("truncated: the dirty vector needs " + bitmapBytes + " bytes of bitmap, the file"
                    + " ends at " + Offsets.hex(bytes.length()));
        }
        byte[] bitmap = bytes.readBytes(BITMAP_OFFSET, (int) bitmapBytes);
        return new Parsed(new OldFormatLog(log, hiveBins, bitmap), null);
    }

    LogFile log() {
        return log;
    }

    long hiveBinsSize() {
        return hiveBinsSize;
    }

    long pagesOffset() {
        return pagesOffset;
    }

    long pageBits() {
        return (long) bitmap.length * 8;
    }

    boolean dirty(long page) {
        return (bitmap[(int) (page >>> 3)] >> (page & 7) & 1) != 0;
    }

    long dirtyPageCount() {
        long n = 0;
        for (byte b : bitmap) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    long timestamp() {
        return log.header().lastWritten();
    }

    /** A parsed log, or the reason there is none. */
    record Parsed(OldFormatLog log, String problem) {
        static Parsed rejected(String problem) {
            return new Parsed(null, problem);
        }
    }
}
