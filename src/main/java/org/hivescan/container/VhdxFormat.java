package org.hivescan.container;

import java.io.IOException;

/** Not read yet. */
final class VhdxFormat {
    static final int FOOTER_SIZE = 512;

    private VhdxFormat() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        throw new UnsupportedImageException(file.name(), 0, "Vhdx image", "this format is not read yet");
    }
}
