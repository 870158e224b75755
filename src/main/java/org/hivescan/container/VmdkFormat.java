package org.hivescan.container;

import java.io.IOException;

/** Not read yet. */
final class VmdkFormat {
    private VmdkFormat() {
    }

    static boolean isDescriptor(byte[] head) {
        return false;
    }

    static DiskImage open(ImageFile file, byte[] head, OpenContext context) throws IOException {
        throw new UnsupportedImageException(file.name(), 0, "VMDK image", "this format is not read yet");
    }
}
