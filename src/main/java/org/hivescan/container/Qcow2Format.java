package org.hivescan.container;

import java.io.IOException;

/** Not read yet. */
final class Qcow2Format {
    static final int FOOTER_SIZE = 512;

    private Qcow2Format() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        throw new UnsupportedImageException(file.name(), 0, "Qcow2 image", "this format is not read yet");
    }
}
