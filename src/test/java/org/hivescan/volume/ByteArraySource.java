package org.hivescan.volume;

import java.io.EOFException;
import org.hivescan.bytes.ByteSource;

/** A disk held in memory, for partition tables the tests write byte by byte. */
final class ByteArraySource implements ByteSource {
    private final byte[] bytes;

    ByteArraySource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public String name() {
        return "memory.img";
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws EOFException {
        if (position < 0 || position > bytes.length - length) {
            throw new EOFException("memory.img: read at 0x" + Long.toHexString(position));
        }
        System.arraycopy(bytes, (int) position, buffer, offset, length);
    }

    @Override
    public void close() {
    }
}
