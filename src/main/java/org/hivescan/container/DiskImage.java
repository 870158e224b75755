package org.hivescan.container;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.hivescan.bytes.ByteSource;

/**
 * An opened disk image (raw, split raw, VHD, VHDX, VMDK, QCOW2, E01), read-only. Closing it closes every file it
 * opened; the {@link #disk()} source must not be used afterwards.
 */
public interface DiskImage extends Closeable {

    /**
     * The virtual disk as the guest sees it, from byte 0 to {@link #virtualSize()}; unallocated ranges read as
     * zeros. Safe for concurrent reads; {@link ByteSource#bytesFetched()} counts the bytes read from the image
     * file(s), table and header reads included.
     */
    ByteSource disk();

    /** The container format: {@code raw}, {@code vhd}, {@code vhdx}, {@code vmdk}, {@code qcow2} or {@code e01}. */
    String format();

    /** The size of the virtual disk in bytes. */
    long virtualSize();

    /**
     * What the image says about itself, informational and format-specific: always {@code subformat} (for example
     * {@code split}, {@code dynamic}, {@code streamOptimized}) and {@code files} (how many files make the image);
     * stored hashes as lowercase hex under {@code md5} and {@code sha1}; E01 case metadata under {@code case.*};
     * identifiers such as {@code vhdx.virtual_disk_id} or {@code vmdk.cid}. Keys iterate in a stable order.
     */
    Map<String, String> metadata();

    /**
     * Hashes the whole virtual disk (MD5 and SHA-1) and sets it against the hashes the image stores (E01). Reads
     * every byte, so callers do it only on request.
     */
    ImageVerification verifyImage() throws IOException;
}
