package org.hivescan.volume;

import java.io.EOFException;
import org.hivescan.bytes.ByteSource;

/** A stream stored inside its MFT record (resident $DATA): the bytes are already in memory. */
final class ResidentSource implements ByteSource {
    private final byte[] value;
    private final String name;
    private final ByteSource volume;

    ResidentSource(byte[] value, String name, ByteSource volume) {
        this.value = value;
        this.name = name;
        this.volume = volume;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return value.length;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws EOFException {
        if (position < 0 || length < 0 || position > value.length - length) {
            throw new EOFException(String.format("%s: read of %d byte(s) at 0x%X passes the end of the file 0x%X",
                    name, length, position, value.length));
        }
        System.arraycopy(value, (int) position, buffer, offset, length);
    }

    @Override
    public long bytesFetched() {
        return volume.bytesFetched();
    }

    @Override
    public void close() {
    }
}
