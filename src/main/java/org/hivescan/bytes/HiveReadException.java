package org.hivescan.bytes;

import java.io.IOException;

/** The medium failed while reading (an I/O error), as opposed to the bytes read being malformed. */
public final class HiveReadException extends HiveException {
    private static final long serialVersionUID = 1L;

    public HiveReadException(String resource, long offset, IOException cause) {
        super(resource, resource + ": read failed at file offset 0x" + Long.toHexString(offset).toUpperCase(
                java.util.Locale.ROOT) + ": " + cause, cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
