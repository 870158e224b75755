package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;

/** The file does not start with the "regf" signature. */
public final class NotAHiveException extends HiveFormatException {
    private static final long serialVersionUID = 1L;

    public NotAHiveException(String resource, long offset, int found) {
        super(resource, offset, "base block signature",
                String.format("expected \"regf\" (0x66676572), found 0x%08X: not a registry hive", found));
    }
}
