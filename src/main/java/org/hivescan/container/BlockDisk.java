package org.hivescan.container;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/** A virtual disk cut into equal blocks (VHD blocks, VHDX blocks, grains, clusters, chunks) mapped one by one. */
abstract class BlockDisk extends VirtualDisk {
    private final long blockSize;

    BlockDisk(String name, long size, long blockSize, LongAdder fetched) {
        super(name, size, fetched);
        this.blockSize = blockSize;
    }

    @Override
    final void readInside(long position, byte[] buffer, int offset, int length) throws IOException {
        while (length > 0) {
            long block = position / blockSize;
            int inBlock = (int) (position % blockSize);
            int n = (int) Math.min(length, blockSize - inBlock);
            readBlock(block, inBlock, buffer, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Reads {@code length} bytes at {@code inBlock} of block {@code block}; never crosses the block's end. */
    abstract void readBlock(long block, int inBlock, byte[] buffer, int offset, int length) throws IOException;
}
