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
        /** Also converted to every container format qemu-img and VMDKstream.py write. */
        MBR_ZIGZAG("LAYOUT=mbr", "FRAGMENTS=24", "FRAG_MODE=zigzag",
                "FORMATS=vhdx,vhd,vmdk,vmdk-stream,vmdk-stream-gdend,qcow2,qcow2-z"),
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

    /**
     * The image of {@code variant} as make_image.sh converted it: {@code suffix} is what it appends to the base
     * name (".vhdx", "-stream.vmdk", "-z.qcow2", ...). ".E01" is made here by ewfacquire (best compression,
     * 64 MiB segments so the image spans several).
     */
    public static synchronized Path converted(Variant variant, String suffix) {
        Path raw = raw(variant);
        Path image = raw.resolveSibling(variant.baseName() + suffix);
        if (suffix.equals(".E01") && !Files.isRegularFile(image)) {
            run(List.of("ewfacquire", "-u", "-q", "-t", raw.resolveSibling(variant.baseName()).toString(), "-c",
                    "best", "-S", "64MiB", "-f", "encase6", "-C", "CASE-12", "-E", "EV-1", raw.toString()),
                    raw.resolveSibling(variant.baseName() + ".ewf.out"));
        }
        return image;
    }

    private static void run(List<String> command, Path output) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed: see " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        run(command, out.resolveSibling(out.getFileName() + ".out"));
        if (!Files.isRegularFile(raw)) {
            throw new IllegalStateException("make_image.sh made no " + raw + ": see " + out + ".log");
        }
        return raw;
    }
}
