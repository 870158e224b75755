package org.hivescan.container;

/**
 * A well-formed image using a feature this read-only reader refuses: a backing or parent file, encryption, an
 * external data file, a log that must be replayed first. Distinct from damage so callers can say so.
 */
public final class UnsupportedImageException extends ImageFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedImageException(String file, long offset, String structure, String problem) {
        super(file, offset, structure, problem);
    }
}
