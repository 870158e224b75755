package org.hivescan.bytes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bytes held on the heap: small inputs, test fixtures and rebuilt structures such as a recovered base block. */
public final class ArrayBytes extends HiveBytes {
    private final ByteBuffer buffer;

    public ArrayBytes(String resource, byte[] data) {
        super(resource);
        this.buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long length() {
        return buffer.capacity();
    }

    @Override
    protected byte getByte(long offset) {
        return buffer.get((int) offset);
    }

    @Override
    protected short getShort(long offset) {
        return buffer.getShort((int) offset);
    }

    @Override
    protected int getInt(long offset) {
        return buffer.getInt((int) offset);
    }

    @Override
    protected long getLong(long offset) {
        return buffer.getLong((int) offset);
    }

    @Override
    protected void getBytes(long offset, byte[] dst, int dstOffset, int count) {
        buffer.get((int) offset, dst, dstOffset, count);
    }
}
