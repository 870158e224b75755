package org.hivescan.volume;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.bytes.ByteSource;

/** A disk image with some bytes replaced in memory, optionally cut short: damage without copying the image. */
final class PatchedSource implements ByteSource {
    private final ByteSource base;
    private final long size;
    private final List<long[]> positions = new ArrayList<>();
    private final List<byte[]> patches = new ArrayList<>();

    PatchedSource(ByteSource base, long size) throws IOException {
        this.base = base;
        this.size = Math.min(size, base.size());
    }

    PatchedSource(ByteSource base) throws IOException {
        this(base, base.size());
    }

    PatchedSource patch(long position, byte... bytes) {
        positions.add(new long[] {position});
        patches.add(bytes.clone());
        return this;
    }

    PatchedSource patchLe(long position, long value, int width) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return patch(position, b);
    }

    /** Reads {@code length} bytes as they are after the patches. */
    byte[] read(long position, int length) throws IOException {
        byte[] b = new byte[length];
        readFully(position, b, 0, length);
        return b;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (position < 0 || position > size - length) {
            throw new EOFException(name() + ": read at 0x" + Long.toHexString(position) + " passes the end 0x"
                    + Long.toHexString(size));
        }
        base.readFully(position, buffer, offset, length);
        for (int i = 0; i < patches.size(); i++) {
            long at = positions.get(i)[0];
            byte[] patch = patches.get(i);
            for (int k = 0; k < patch.length; k++) {
                long p = at + k;
                if (p >= position && p < position + length) {
                    buffer[offset + (int) (p - position)] = patch[k];
                }
            }
        }
    }

    @Override
    public long bytesFetched() {
        return base.bytesFetched();
    }

    @Override
    public void close() {
    }
}
