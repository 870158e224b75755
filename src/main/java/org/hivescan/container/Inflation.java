package org.hivescan.container;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Bounded inflation of one compressed unit: never more output than the unit's size, never an endless loop. */
final class Inflation {
    private Inflation() {
    }

    /**
     * Inflates {@code input} into exactly {@code expected} bytes (zlib when {@code zlibHeader}, raw deflate
     * otherwise). With {@code allowShort} a stream that ends early is padded with zeros (the last chunk of a
     * disk, a qcow2 cluster past the disk end); otherwise it is damage.
     */
    static byte[] inflate(byte[] input, int length, boolean zlibHeader, int expected, boolean allowShort,
            ImageFile file, long offset, String structure) throws ImageFormatException {
        Inflater inflater = new Inflater(!zlibHeader);
        try {
            inflater.setInput(input, 0, length);
            byte[] output = new byte[expected];
            int produced = 0;
            // every pass either produces output or needs input we no longer have: bounded by expected + 2 passes
            for (int pass = 0; produced < expected && pass <= expected + 2; pass++) {
                int n = inflater.inflate(output, produced, expected - produced);
                produced += n;
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
            if (produced < expected && !(allowShort && inflater.finished())) {
                throw new ImageFormatException(file.name(), offset, structure,
                        "compressed data: expected " + expected + " bytes after inflation, found " + produced
                                + (inflater.finished() ? "" : " before the compressed data ran out"));
            }
            if (produced == expected && !inflater.finished() && !zlibHeader) {
                // raw deflate units are padded to sectors; a stream that would still produce output is too long
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0) {
                    throw new ImageFormatException(file.name(), offset, structure,
                            "compressed data: inflates to more than the expected " + expected + " bytes");
                }
            }
            return output;
        } catch (DataFormatException e) {
            throw new ImageFormatException(file.name(), offset, structure,
                    "compressed data: not a valid " + (zlibHeader ? "zlib" : "deflate") + " stream (" + e.getMessage()
                            + ")", e);
        } finally {
            inflater.end();
        }
    }
}
