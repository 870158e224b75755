package org.hivescan.bytes;

/** A read reached past the end of the input: the file is shorter than a structure in it claims. */
public final class TruncatedInputException extends HiveFormatException {
    private static final long serialVersionUID = 1L;

    public TruncatedInputException(String resource, long offset, long length, long fileLength) {
        super(resource, offset, "read of " + length + " byte(s)",
                "expected the input to extend to 0x" + Long.toHexString(offset + length)
                        + ", found it ends at 0x" + Long.toHexString(fileLength));
    }
}
