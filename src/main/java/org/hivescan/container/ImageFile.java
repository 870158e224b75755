package org.hivescan.container;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.LongAdder;
import org.hivescan.bytes.ByteSource;

/**
 * One file of an image (the image itself, a segment, an extent), opened read-only: a local file, or any
 * {@link ByteSource} (a file on another file system, which has no local path and so no sibling files). Reads are
 * positional, so many threads may share it; every byte read is added to the image's fetch counter.
 */
final class ImageFile implements Closeable {
    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final ByteSource source;
    private final long size;
    private final LongAdder fetched;
    private final int id;

    private ImageFile(Path path, FileChannel channel, ByteSource source, long size, LongAdder fetched, int id) {
        this.id = id;
        this.path = path;
        this.name = path != null ? path.toString() : source.name();
        this.channel = channel;
        this.source = source;
        this.size = size;
        this.fetched = fetched;
    }

    static ImageFile open(Path path, LongAdder fetched, int id) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new ImageFile(path, channel, null, channel.size(), fetched, id);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** An image file read through a byte source; it takes the source over and closes it. */
    static ImageFile of(ByteSource source, LongAdder fetched, int id) throws IOException {
        return new ImageFile(null, null, source, source.size(), fetched, id);
    }

    String name() {
        return name;
    }

    /** The local path, or null for a file read through a byte source. */
    Path path() {
        return path;
    }

    /** A cache key for the unit at {@code offset} of this file, distinct from every other file's of the image. */
    long unitKey(long offset) {
        return ((long) id << 48) ^ offset;
    }

    long size() {
        return size;
    }

    /** Reads exactly {@code length} bytes of {@code structure}; a structure past the end of the file is damage. */
    void read(long position, byte[] buffer, int offset, int length, String structure) throws IOException {
        if (position < 0 || length < 0 || position > size - length) {
            throw new ImageFormatException(name(), position, structure,
                    "needs " + length + " bytes but the file ends at 0x" + Long.toHexString(size));
        }
        if (source != null) {
            source.readFully(position, buffer, offset, length);
            fetched.add(length);
            return;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        while (target.hasRemaining()) {
            int n = channel.read(target, position + (target.position() - offset));
            if (n < 0) {
                throw new ImageFormatException(name(), position, structure, "the file shrank while being read");
            }
            fetched.add(n);
        }
    }

    byte[] read(long position, int length, String structure) throws IOException {
        if (position < 0 || length < 0 || position > size - length) {
            throw new ImageFormatException(name(), position, structure,
                    "needs " + length + " bytes but the file ends at 0x" + Long.toHexString(size));
        }
        byte[] buffer = new byte[length];
        read(position, buffer, 0, length, structure);
        return buffer;
    }

    ByteBuffer readLittleEndian(long position, int length, String structure) throws IOException {
        return ByteBuffer.wrap(read(position, length, structure)).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer readBigEndian(long position, int length, String structure) throws IOException {
        return ByteBuffer.wrap(read(position, length, structure)).order(ByteOrder.BIG_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        if (source != null) {
            source.close();
        } else {
            channel.close();
        }
    }
}
