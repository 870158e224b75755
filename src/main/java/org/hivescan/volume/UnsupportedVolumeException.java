package org.hivescan.volume;

/**
 * A well-formed structure this reader refuses on purpose: a BitLocker volume, a dynamic disk, Storage Spaces, a
 * compressed or encrypted file. Reading on would give wrong bytes, so the reader stops with a plain statement.
 */
public final class UnsupportedVolumeException extends VolumeFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedVolumeException(String resource, long offset, String structure, String problem) {
        super(resource, offset, structure, problem);
    }
}
