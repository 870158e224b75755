package org.hivescan.bytes;

/**
 * Malformed or unreadable input. The message always names the resource, the hex file offset, the structure and
 * field, and what was expected against what was found, so a user can locate the damage with a hex editor.
 */
public class HiveFormatException extends HiveException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public HiveFormatException(String resource, long offset, String structure, String problem) {
        this(resource, offset, structure, problem, null);
    }

    public HiveFormatException(String resource, long offset, String structure, String problem, Throwable cause) {
        super(resource, format(resource, offset, structure, problem), cause);
        this.offset = offset;
    }

    /** A problem that is not tied to one offset (the file cannot be opened at all, say). */
    public HiveFormatException(String resource, String problem, Throwable cause) {
        super(resource, resource + ": " + problem, cause);
        this.offset = -1;
    }

    private static String format(String resource, long offset, String structure, String problem) {
        return String.format("%s: at file offset 0x%X, %s: %s", resource, offset, structure, problem);
    }

    /** The absolute file offset of the problem, or -1 when it has none. */
    public long offset() {
        return offset;
    }
}
