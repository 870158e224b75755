package org.hivescan.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One random raw disk and its conversions by third-party tools (qemu-img, ewfacquire), made once per test JVM and
 * deleted at exit. Expected bytes are always the raw disk, never our own output.
 */
final class ConvertedImages {
    private static final Path DIR;
    private static final byte[] RAW = TestDisks.randomDisk(12);
    private static final Map<String, Path> MADE = new HashMap<>();

    static {
        try {
            DIR = Files.createTempDirectory("hivescan-images");
            Files.write(DIR.resolve("disk.raw"), RAW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(ConvertedImages::deleteAll));
    }

    private ConvertedImages() {
    }

    static byte[] raw() {
        return RAW;
    }

    static Path dir() {
        return DIR;
    }

    /** The image made by {@code command} (with {@code OUT} standing for the output name), made once. */
    static synchronized Path image(String name, String... command) throws Exception {
        Path made = MADE.get(name);
        if (made == null) {
            String[] resolved = command.clone();
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = resolved[i].replace("OUT", name).replace("RAW", "disk.raw");
            }
            TestDisks.run(DIR, resolved);
            made = DIR.resolve(name);
            MADE.put(name, made);
        }
        return made;
    }

    static Path qemu(String name, String format, String... options) throws Exception {
        String[] command = new String[6 + options.length];
        command[0] = "qemu-img";
        command[1] = "convert";
        command[2] = "-f";
        command[3] = "raw";
        command[4] = "-O";
        command[5] = format;
        System.arraycopy(options, 0, command, 6, options.length);
        String[] full = java.util.Arrays.copyOf(command, command.length + 2);
        full[full.length - 2] = "RAW";
        full[full.length - 1] = "OUT";
        return image(name, full);
    }

    private static void deleteAll() {
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
