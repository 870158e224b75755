package org.hivescan.container;

import java.io.IOException;

/**
 * A disk image that cannot be read as its format says: the message names the file, the hex file offset, the
 * structure and field, and what was expected against what was found.
 */
public class ImageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    public ImageFormatException(String file, long offset, String structure, String problem) {
        this(file, offset, structure, problem, null);
    }

    public ImageFormatException(String file, long offset, String structure, String problem, Throwable cause) {
        super(String.format("%s: at file offset 0x%X, %s: %s", file, offset, structure, problem), cause);
        this.file = file;
        this.offset = offset;
    }

    /** The image file (or segment, or extent) holding the damage. */
    public String file() {
        return file;
    }

    /** The absolute offset of the damaged structure in {@link #file()}. */
    public long offset() {
        return offset;
    }
}
