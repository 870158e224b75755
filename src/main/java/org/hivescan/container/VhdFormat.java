package org.hivescan.container;

import java.io.IOException;

/** Not read yet. */
final class VhdFormat {
    static final int FOOTER_SIZE = 512;

    private VhdFormat() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        throw new UnsupportedImageException(file.name(), 0, "Vhd image", "this format is not read yet");
    }
}
