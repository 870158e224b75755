package org.hivescan.bytes;

import java.io.Closeable;
import java.io.IOException;

/**
 * A read-only, random-access sequence of bytes read by absolute position: a plain file, a file inside a disk
 * image (NTFS runs over a partition over a VHDX block table over the image file), a zip member, or a file on a
 * Hadoop file system. It is the one contract by which every lower source feeds {@link HiveBytes}, so the regf
 * reader, log replay and the audit never learn where their bytes come from.
 *
 * <p>Implementations keep no read position and must allow {@link #readFully} from several threads at once.
 */
public interface ByteSource extends Closeable {

    /** The name used in every error message: a file name, or an image name with the path inside it. */
    String name();

    /** The number of readable bytes. */
    long size() throws IOException;

    /**
     * Reads exactly {@code length} bytes starting at {@code position} into {@code buffer}. A read that would pass
     * {@link #size()} throws {@link java.io.EOFException}; a structure that cannot be followed (a bad block table
     * entry, a broken data run) throws an {@link IOException} naming the resource, the offset and the structure.
     */
    void readFully(long position, byte[] buffer, int offset, int length) throws IOException;

    /** Bytes fetched so far from the underlying medium, for the efficiency counters; -1 when not counted. */
    default long bytesFetched() {
        return -1;
    }
}
