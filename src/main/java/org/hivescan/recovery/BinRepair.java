package org.hivescan.recovery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.OverlayBytes;
import org.hivescan.format.HiveBin;
import org.hivescan.format.Offsets;

/**
 * §New format Note 10: after new-format recovery, a hive bin that the logs wrote and that is not a valid bin is
 * replaced with a dummy bin (one 4096-byte bin holding a single free cell), so the rest of the hive stays
 * reachable. Bins that the logs did not touch are left as the primary has them; the reader reports those.
 */
final class BinRepair {
    private BinRepair() {
    }

    static void replaceBadLoggedBins(OverlayBytes view, long hiveBinsSize, Replay replay) throws HiveFormatException {
        long rel = 0;
        while (rel + HiveBin.HEADER_SIZE <= hiveBinsSize) {
            long size = validBinSize(view, rel, hiveBinsSize);
            if (size > 0) {
                rel += size;
                continue;
            }
            if (view.isReplaced(Offsets.toFile(rel))) {
                writeDummyBin(view, rel);
                replay.note("hive bin at " + Offsets.hex(Offsets.toFile(rel)) + " written by the logs is invalid; "
                        + "replaced with an empty 4096-byte bin");
            }
            rel += HiveBin.ALIGNMENT;
        }
    }

    /** The size of the sound bin at {@code rel}, or 0 when its header is not one (§Hive bin). */
    static long validBinSize(OverlayBytes view, long rel, long hiveBinsSize) throws HiveFormatException {
        long at = Offsets.toFile(rel);
        if (!view.contains(at, HiveBin.HEADER_SIZE) || view.readInt(at) != HiveBin.SIGNATURE
                || view.readUnsignedInt(at + 4) != rel) {
            return 0;
        }
        long size = view.readUnsignedInt(at + 8);
        boolean fits = size >= HiveBin.ALIGNMENT && size % HiveBin.ALIGNMENT == 0 && rel + size <= hiveBinsSize;
        return fits ? size : 0;
    }

    private static void writeDummyBin(OverlayBytes view, long rel) {
        ByteBuffer bin = ByteBuffer.allocate(HiveBin.ALIGNMENT).order(ByteOrder.LITTLE_ENDIAN);
        bin.putInt(0, HiveBin.SIGNATURE);
        bin.putInt(4, (int) rel);
        bin.putInt(8, HiveBin.ALIGNMENT);
        // One unallocated cell (positive size) covering everything after the 32-byte header (§Cell).
        bin.putInt(HiveBin.HEADER_SIZE, HiveBin.ALIGNMENT - HiveBin.HEADER_SIZE);
        view.write(Offsets.toFile(rel), bin.array(), 0, HiveBin.ALIGNMENT);
    }
}
