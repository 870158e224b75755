package org.hivescan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.report.CanonicalListing;

/** Test helper: canonical listings of our reader and of the oracles. */
public final class Canon {
    private Canon() {
    }

    public static byte[] of(Hive hive) throws HiveFormatException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CanonicalListing.write(hive, hive.root(), out);
        return out.toByteArray();
    }

    public static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** The first differing line of two listings, for a readable failure message. */
    public static String firstDifference(byte[] expected, byte[] actual) {
        String[] e = new String(expected, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        String[] a = new String(actual, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return "line " + (i + 1) + ":\n expected: " + e[i] + "\n actual:   " + a[i];
            }
        }
        return "line counts differ: expected " + e.length + ", actual " + a.length;
    }
}
