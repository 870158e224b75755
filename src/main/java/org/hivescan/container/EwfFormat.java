package org.hivescan.container;

import java.io.IOException;

/** Not read yet. */
final class EwfFormat {
    static final int FOOTER_SIZE = 512;

    private EwfFormat() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        throw new UnsupportedImageException(file.name(), 0, "Ewf image", "this format is not read yet");
    }
}
