package org.hivescan.container;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/** A stretch of zeros: a VMDK ZERO extent. */
final class ZeroDisk extends VirtualDisk {
    ZeroDisk(String name, long size, LongAdder fetched) {
        super(name, size, fetched);
    }

    @Override
    void readInside(long position, byte[] buffer, int offset, int length) {
        Arrays.fill(buffer, offset, offset + length, (byte) 0);
    }
}
