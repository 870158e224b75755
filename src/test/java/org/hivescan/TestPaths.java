package org.hivescan;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpus and our own test data live, as the build passes them in. */
public final class TestPaths {
    private TestPaths() {
    }

    /** The shared folder beside the checkout (corpus, oracles, tools); its absence is a setup error, not a skip. */
    public static Path shared() {
        Path p = Path.of(System.getProperty("hivescan.shared", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("corpus"))) {
            throw new IllegalStateException("shared folder not found at " + p + " (set -Dhivescan.shared)");
        }
        return p;
    }

    public static Path corpus() {
        return shared().resolve("corpus");
    }

    public static Path oracle() {
        return shared().resolve("oracle");
    }

    public static Path testdata() {
        return Path.of(System.getProperty("hivescan.testdata", "testdata")).toAbsolutePath().normalize();
    }

    public static Path fixtures() {
        return testdata().resolve("fixtures");
    }
}
