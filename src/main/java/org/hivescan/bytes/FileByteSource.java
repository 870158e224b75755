package org.hivescan.bytes;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A plain file read by position through one {@link FileChannel}. Positional channel reads keep no shared position,
 * so any number of threads may read at once.
 */
public final class FileByteSource implements ByteSource {
    private final String name;
    private final FileChannel channel;

    FileByteSource(String name, FileChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    /** Opens a file read-only; it is never written. */
    public static FileByteSource open(Path file) throws IOException {
        return new FileByteSource(file.toString(), FileChannel.open(file, StandardOpenOption.READ));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        while (target.hasRemaining()) {
            long at = position + (target.position() - offset);
            if (channel.read(target, at) < 0) {
                throw new EOFException(name + ": ends at 0x" + Long.toHexString(at) + ", before 0x"
                        + Long.toHexString(position + length));
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
