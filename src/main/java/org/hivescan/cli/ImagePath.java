package org.hivescan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A hive argument naming a file inside a disk image: {@code IMAGE:/Windows/System32/config/SYSTEM}. A file name may
 * itself contain ':', so the split is at the colon after the longest prefix that is an existing regular file; an
 * argument that exists as a file as a whole is a plain hive, never an image path.
 *
 * @param image the image file
 * @param inner the path inside the image, '/' or '\' separated
 */
record ImagePath(Path image, String inner) {

    static Optional<ImagePath> parse(String argument) {
        if (argument == null || Files.exists(Path.of(argument))) {
            return Optional.empty();
        }
        for (int colon = argument.lastIndexOf(':'); colon > 0; colon = argument.lastIndexOf(':', colon - 1)) {
            Path image = Path.of(argument.substring(0, colon));
            if (Files.isRegularFile(image)) {
                String inner = argument.substring(colon + 1);
                return Optional.of(new ImagePath(image, inner.isEmpty() ? "/" : inner));
            }
        }
        return Optional.empty();
    }

    /** How the file is named in messages and reports: the argument as given, with '/' separators inside. */
    String display() {
        return image + ":" + (inner.startsWith("/") || inner.startsWith("\\") ? "" : "/") + inner.replace('\\', '/');
    }
}
