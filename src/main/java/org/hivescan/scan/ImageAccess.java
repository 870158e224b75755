package org.hivescan.scan;

import java.util.Locale;
import java.util.Set;

/**
 * The one place the scan opens disk images. Until the container and volume layers land, images are recognised
 * by name and reported as not yet readable, so a scan over them still finishes with an ERROR row per image.
 */
final class ImageAccess {
    private static final Set<String> EXTENSIONS = Set.of("vhd", "vhdx", "vmdk", "qcow2", "e01", "raw", "img",
            "dd");

    private ImageAccess() {
    }

    /** Whether a file name looks like a disk image. */
    static boolean looksLikeImage(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Why an image cannot be scanned in this build. */
    static String unsupportedReason() {
        return "disk images are not readable in this build (no volume reader yet)";
    }
}
