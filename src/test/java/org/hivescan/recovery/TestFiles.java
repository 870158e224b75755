package org.hivescan.recovery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.TestPaths;
import org.hivescan.hive.Hive;
import org.hivescan.report.CanonicalListing;

/** Where the shared corpus and this module's fixtures are, and how tests list a hive. */
final class TestFiles {
    private TestFiles() {
    }

    /** A file of the shared corpus ({@code hivescan.shared} property; its absence fails, never skips). */
    static Path corpus(String relative) {
        return TestPaths.corpus().resolve(relative);
    }

    static Path oracle(String relative) {
        return TestPaths.oracle().resolve(relative);
    }

    /** This module's recovery fixtures (testdata/recovery), made by make_recovery_fixtures.py. */
    static Path fixture(String relative) {
        return TestPaths.testdata().resolve("recovery").resolve(relative);
    }

    /** The file's bytes, gunzipped when its name ends in .gz. */
    static byte[] read(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    /** The canonical listing of a whole hive. */
    static byte[] listing(Hive hive) throws IOException, HiveFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CanonicalListing.write(hive, hive.root(), out);
        return out.toByteArray();
    }

    static LoadedHive load(Path hive) throws HiveFormatException {
        return HiveLoader.open(hive, LoadOptions.defaults());
    }
}
