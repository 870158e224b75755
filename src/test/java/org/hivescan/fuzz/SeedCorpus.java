package org.hivescan.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The seeds: every hive and log of the shared corpus, plus our own test data (fixtures, hardening fixtures,
 * regression mutants, audit hosts, recovery fixtures). A log is paired with the primary beside it (same name
 * before the extension, any case, as on Windows); a log without one is mutated as a primary, since it is a regf
 * file too. Seeds are picked with a weight that falls with their size, so that each seed costs about the same
 * time in total and the big hives do not eat the campaign (a log counts with its primary, which it is
 * replayed into).
 */
final class SeedCorpus {
    /** Seeds up to this size are picked with full weight. */
    static final long FULL_WEIGHT_BYTES = 96 << 10;

    private final List<Seed> seeds;
    private final double[] cumulative;

    private SeedCorpus(List<Seed> seeds, long maxBytes) {
        this.seeds = seeds.stream().filter(s -> s.size() > 0 && s.cost() <= maxBytes).toList();
        cumulative = new double[this.seeds.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weight(this.seeds.get(i));
            cumulative[i] = total;
        }
    }

    /**
     * @param maxBytes leave out seeds larger than this (the CI campaign keeps to the small and medium ones)
     */
    static SeedCorpus load(Path corpus, Path testdata, long maxBytes) throws IOException {
        List<Seed> seeds = new ArrayList<>();
        for (Path root : List.of(testdata.resolve("fixtures"), testdata.resolve("hardening"),
                testdata.resolve("regress"), testdata.resolve("hosts"), testdata.resolve("recovery"), corpus)) {
            if (Files.isDirectory(root)) {
                seeds.addAll(scan(root, root == corpus ? "corpus/" : "testdata/" + root.getFileName() + "/"));
            }
        }
        return new SeedCorpus(seeds, maxBytes);
    }

    private static List<Seed> scan(Path root, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(SeedCorpus::isInput).sorted().toList();
        }
        List<Seed> out = new ArrayList<>();
        for (Path file : files) {
            String name = prefix + root.relativize(file).toString().replace('\\', '/');
            Path primary = isLogName(file) ? primaryOf(file, files).orElse(null) : null;
            out.add(new Seed(name, file, primary, Files.size(file)));
        }
        return out;
    }

    /** Skips what is text about the inputs, not an input: listings, notes, scripts, manifests, reg sources. */
    private static boolean isInput(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String text : List.of(".tsv", ".txt", ".md", ".py", ".canon", ".gz", ".json", ".reg", ".c", ".sh",
                ".gitattributes", ".yaml")) {
            if (n.endsWith(text)) {
                return false;
            }
        }
        return notEmpty(file);
    }

    private static boolean notEmpty(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isLogName(Path file) {
        String n = file.getFileName().toString().toUpperCase(Locale.ROOT);
        return n.endsWith(".LOG") || n.endsWith(".LOG1") || n.endsWith(".LOG2");
    }

    private static Optional<Path> primaryOf(Path log, List<Path> files) {
        String name = log.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        return files.stream().filter(p -> p.getParent().equals(log.getParent()))
                .filter(p -> p.getFileName().toString().equalsIgnoreCase(stem)).findFirst();
    }

    private static double weight(Seed seed) {
        long cost = seed.cost();
        return cost <= FULL_WEIGHT_BYTES ? 1.0 : (double) FULL_WEIGHT_BYTES / cost;
    }

    List<Seed> seeds() {
        return seeds;
    }

    Seed pick(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return seeds.get(lo);
    }
}
