package org.hivescan.scan;

import java.io.Serializable;

/**
 * One entry of a folder listing.
 *
 * @param name the last path element
 * @param path the full path, in the form the {@link ScanFiles} that listed it understands
 * @param size the size in bytes (0 for a folder)
 * @param directory whether it is a folder
 */
public record ScanEntry(String name, String path, long size, boolean directory) implements Serializable {
    private static final long serialVersionUID = 1L;
}
