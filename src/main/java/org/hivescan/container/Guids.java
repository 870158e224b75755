package org.hivescan.container;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** GUIDs as Windows stores them: the first three fields little-endian, the last eight bytes in order. */
final class Guids {
    private Guids() {
    }

    static UUID read(byte[] data, int at) {
        ByteBuffer le = ByteBuffer.wrap(data, at, 16).order(ByteOrder.LITTLE_ENDIAN);
        long d1 = Integer.toUnsignedLong(le.getInt(at));
        long d2 = le.getShort(at + 4) & 0xFFFFL;
        long d3 = le.getShort(at + 6) & 0xFFFFL;
        long high = d1 << 32 | d2 << 16 | d3;
        long low = ByteBuffer.wrap(data, at + 8, 8).order(ByteOrder.BIG_ENDIAN).getLong(at + 8);
        return new UUID(high, low);
    }

    static boolean isZero(byte[] data, int at) {
        for (int i = 0; i < 16; i++) {
            if (data[at + i] != 0) {
                return false;
            }
        }
        return true;
    }
}
