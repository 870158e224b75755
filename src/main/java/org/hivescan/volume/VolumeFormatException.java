package org.hivescan.volume;

import java.io.IOException;

/**
 * A partition table or file-system structure that cannot be followed. The message names the image (or the file
 * inside it), the hex byte offset on the disk, the structure and field, and what was expected against what was
 * found, so the damage can be located with a hex editor.
 */
public class VolumeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public VolumeFormatException(String resource, long offset, String structure, String problem) {
        super(String.format("%s: at disk offset 0x%X, %s: %s", resource, offset, structure, problem));
        this.offset = offset;
    }

    /** The absolute disk offset of the problem. */
    public long offset() {
        return offset;
    }
}
