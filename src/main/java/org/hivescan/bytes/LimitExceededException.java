package org.hivescan.bytes;

/** A size or count read from the file is above a configured safety limit (memory, depth, steps). */
public final class LimitExceededException extends HiveFormatException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String resource, long offset, String structure, String what, long found,
            long limit) {
        super(resource, offset, structure,
                what + ": expected at most " + limit + ", found " + Long.toUnsignedString(found));
    }
}
