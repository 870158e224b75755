package org.hivescan.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hivescan.TestPaths;

/**
 * Real NTFS disk images built for the tests by the shared vmimg scripts (mkntfs, wimapply, ntfscp, sgdisk/sfdisk:
 * nothing of ours writes NTFS). Each variant is built once per test JVM into target/test-images, raw only.
 *
 * <p>The hive folder holds host 05's SYSTEM and SOFTWARE and the dirty old-format SAM (2.3 MB) with its .LOG1,
 * so SAM is the file that gets fragmented (the scripts fragment files of 1 MiB and more).
 */
public final class TestImages {
    /** Layouts the tests use, with the make_image.sh knobs that make them. */
    public enum Variant {
        GPT_ESP_FRAG("LAYOUT=gpt-esp", "FRAGMENTS=32", "FRAG_MODE=interleave"),
        MBR_ZIGZAG("LAYOUT=mbr", "FRAGMENTS=24", "FRAG_MODE=zigzag"),
        MBR_SYSRES("LAYOUT=mbr-sysres"),
        GPT_FAR_ALIST("LAYOUT=gpt", "START_MIB=4200", "FRAGMENTS=300", "FRAG_MODE=interleave"),
        /** A 64 GiB disk, C: in its last 536 MiB, converted to a sparse VHDX (10 MB on the host). */
        SPARSE_64G("LAYOUT=gpt", "DISK_MIB=65536", "START_MIB=65000", "FORMATS=vhdx");

        final List<String> env;

        Variant(String... env) {
            this.env = List.of(env);
        }

        String baseName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private static final Map<Variant, Path> BUILT = new ConcurrentHashMap<>();

    private TestImages() {
    }

    /** The raw image of {@code variant}, built on first use. */
    public static Path raw(Variant variant) {
        return BUILT.computeIfAbsent(variant, TestImages::build);
    }

    /** The image of {@code variant} converted to {@code extension} ("vhd", "vhdx") by qemu-img. */
    public static Path converted(Variant variant, String extension) {
        Path raw = raw(variant);
        return raw.resolveSibling(variant.baseName() + "." + extension);
    }

    /** The loose folder the images were built from. */
    public static Path hiveFolder() {
        Path dir = Path.of("target", "test-images", "hives").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path host = TestPaths.testdata().resolve("hosts/05-2016-defaults");
            Path dirty = TestPaths.testdata().resolve("recovery/old-format");
            for (Path f : List.of(host.resolve("SYSTEM"), host.resolve("SOFTWARE"), dirty.resolve("SAM"),
                    dirty.resolve("SAM.LOG1"))) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static synchronized Path build(Variant variant) {
        Path out = Path.of("target", "test-images", variant.baseName()).toAbsolutePath();
        Path raw = out.resolveSibling(out.getFileName() + ".raw");
        Path script = TestPaths.shared().resolve("tools/vmimg/make_image.sh");
        List<String> command = new ArrayList<>(List.of("env", "FORMATS=vhd", "VERIFY=0", "EXTRAS=1", "KEEP_RAW=1"));
        command.addAll(variant.env);
        command.addAll(List.of("bash", script.toString(), hiveFolder().toString(), out.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.resolveSibling(out.getFileName() + ".out").toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(raw)) {
                process.destroyForcibly();
                throw new IllegalStateException("make_image.sh failed for " + variant + ": see " + out + ".log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return raw;
    }
}
