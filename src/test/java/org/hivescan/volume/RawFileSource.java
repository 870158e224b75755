package org.hivescan.volume;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.hivescan.bytes.ByteSource;

/** A raw disk image file read by position, counting the bytes it fetches: the tests' stand-in for a container. */
final class RawFileSource implements ByteSource {
    private final FileChannel channel;
    private final String name;
    private final long size;
    private final AtomicLong fetched = new AtomicLong();

    RawFileSource(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.name = file.getFileName().toString();
        this.size = channel.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
        if (position < 0 || position > size - length) {
            throw new EOFException(name + ": read at 0x" + Long.toHexString(position) + " passes the end");
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                throw new EOFException(name);
            }
            at += n;
        }
        fetched.addAndGet(length);
    }

    @Override
    public long bytesFetched() {
        return fetched.get();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
