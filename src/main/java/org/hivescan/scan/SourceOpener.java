package org.hivescan.scan;

import java.io.IOException;
import org.hivescan.bytes.ByteSource;

/**
 * Opens any {@link SourceRef} as positional bytes: a file directly, a zip member from memory (bounded), a file
 * inside a disk image through the image's own tables.
 */
final class SourceOpener {
    /** A zip member larger than this is refused: no hive a scan audits comes near it. */
    static final long MAX_MEMBER_BYTES = 1L << 30;

    private SourceOpener() {
    }

    static ByteSource open(ScanFiles files, SourceRef source) throws IOException {
        return switch (source.type()) {
            case FILE -> files.open(source.container());
            case ZIP_MEMBER -> new MemorySource(source.toString(),
                    ZipArchive.read(files, source.container(), source.member(), MAX_MEMBER_BYTES));
            case IMAGE_FILE -> ImageAccess.openFile(files, source);
        };
    }

    /** Bytes already in memory. */
    record MemorySource(String name, byte[] data) implements ByteSource {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
            if (position < 0 || position + length > data.length) {
                throw new java.io.EOFException(name + ": read of " + length + " bytes at 0x"
                        + Long.toHexString(position) + " passes the end (" + data.length + " bytes)");
            }
            System.arraycopy(data, (int) position, buffer, offset, length);
        }

        @Override
        public void close() {
            // Nothing held but memory.
        }
    }
}
