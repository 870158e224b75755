package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;

/** The base block names a format version this reader does not read. */
public final class UnsupportedVersionException extends HiveFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String resource, int major, int minor) {
        super(resource, 20, "base block major/minor version",
                "expected version 1.1 to 1.6, found " + Integer.toUnsignedString(major) + "."
                        + Integer.toUnsignedString(minor) + " (unsupported version)");
    }
}
