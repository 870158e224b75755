package org.hivescan.bytes;

/** A read after {@code close()}: the hive, or the bytes under it, are closed. */
public final class HiveClosedException extends HiveException {
    private static final long serialVersionUID = 1L;

    public HiveClosedException(String resource) {
        super(resource, resource + ": closed (read after close())", null);
    }
}
