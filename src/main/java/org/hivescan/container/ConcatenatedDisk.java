package org.hivescan.container;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Parts laid end to end: the segments of a split raw image, the extents of a VMDK descriptor. */
final class ConcatenatedDisk extends VirtualDisk {
    private final VirtualDisk[] parts;
    private final long[] starts;

    ConcatenatedDisk(String name, List<? extends VirtualDisk> parts, LongAdder fetched) {
        super(name, total(parts), fetched);
        this.parts = parts.toArray(new VirtualDisk[0]);
        this.starts = new long[this.parts.length];
        long start = 0;
        for (int i = 0; i < this.parts.length; i++) {
            starts[i] = start;
            start += this.parts[i].size();
        }
    }

    private static long total(List<? extends VirtualDisk> parts) {
        long total = 0;
        for (VirtualDisk part : parts) {
            total = Math.addExact(total, part.size());
        }
        return total;
    }

    @Override
    void readInside(long position, byte[] buffer, int offset, int length) throws IOException {
        int index = Arrays.binarySearch(starts, position);
        if (index < 0) {
            index = -index - 2;
        }
        while (length > 0) {
            // empty parts share a start with the next one
            while (parts[index].size() == 0 || position >= starts[index] + parts[index].size()) {
                index++;
            }
            long inPart = position - starts[index];
            int n = (int) Math.min(length, parts[index].size() - inPart);
            parts[index].readInside(inPart, buffer, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }
}
