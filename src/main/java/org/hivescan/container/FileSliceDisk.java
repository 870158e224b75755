package org.hivescan.container;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/** A stretch of one file read as is: a raw segment, a fixed VHD's data, a flat VMDK extent. */
final class FileSliceDisk extends VirtualDisk {
    private final ImageFile file;
    private final long start;
    private final String structure;

    /** The slice must lie inside the file; the caller checked it against the file's size. */
    FileSliceDisk(String name, ImageFile file, long start, long size, String structure, LongAdder fetched) {
        super(name, size, fetched);
        this.file = file;
        this.start = start;
        this.structure = structure;
    }

    @Override
    void readInside(long position, byte[] buffer, int offset, int length) throws IOException {
        file.read(start + position, buffer, offset, length, structure);
    }
}
