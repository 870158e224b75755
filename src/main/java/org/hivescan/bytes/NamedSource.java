package org.hivescan.bytes;

import java.io.Closeable;
import java.io.IOException;

/**
 * A byte source shown under another name (the one a user gave, {@code disk.vhdx:/Windows/System32/config/SYSTEM},
 * or a scan's printable source), which also closes an owner (the disk image it reads from) when it is closed, so
 * the hive that owns the source releases the image.
 */
public final class NamedSource implements ByteSource {
    private final ByteSource source;
    private final String name;
    private final Closeable owner;

    /** {@code owner} may be null: nothing else to close. */
    public NamedSource(ByteSource source, String name, Closeable owner) {
        this.source = source;
        this.name = name;
        this.owner = owner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() throws IOException {
        return source.size();
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        source.readFully(position, buffer, offset, length);
    }

    @Override
    public long bytesFetched() {
        return source.bytesFetched();
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } finally {
            if (owner != null) {
                owner.close();
            }
        }
    }
}
