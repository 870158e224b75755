package org.hivescan.recovery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hivescan.format.BaseBlock;

/** Small byte patches that tests apply to copies of inputs (never to the inputs themselves). */
final class Fixtures {
    private Fixtures() {
    }

    /** Makes a primary dirty the way an interrupted write leaves it: primary sequence = secondary + 1. */
    static void makeDirty(byte[] hive) {
        ByteBuffer b = ByteBuffer.wrap(hive).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, b.getInt(8) + 1);
        fixChecksum(hive);
    }

    static void fixChecksum(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(BaseBlock.CHECKSUM_OFFSET, BaseBlock.checksum(b));
    }
}
