package org.hivescan.bytes;

/**
 * Everything the reader can fail with, unchecked so that reads compose in lambdas and streams. Three kinds:
 * <ul>
 *   <li>{@link HiveFormatException}: the input is malformed or unreadable as a hive (its subclasses say how: truncated,
 *       over a safety limit, an unsupported version); the message names the resource, hex offset, structure and
 *       field;</li>
 *   <li>{@link HiveReadException}: the medium failed (an I/O error from the file, image or remote store);</li>
 *   <li>{@link HiveClosedException}: the hive or its bytes were read after {@code close()}.</li>
 * </ul>
 */
public abstract class HiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String resource;

    protected HiveException(String resource, String message, Throwable cause) {
        super(message, cause);
        this.resource = resource;
    }

    /** The file or description of the input that failed. */
    public String resource() {
        return resource;
    }
}
