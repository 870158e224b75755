package org.hivescan.fuzz;

import org.hivescan.hive.HiveInternals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hivescan.bytes.ArrayBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.hive.HiveVerifier;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.KeyPath;
import org.hivescan.hive.Value;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.CanonicalListing;
import org.hivescan.report.JsonLinesExport;
import org.hivescan.report.RegExport;
import org.hivescan.report.ValueText;

/**
 * Runs one mutant through everything a user can make hivescan do with a hive, in process: open, a walk that reads
 * every class name, descriptor and value (raw data and the typed views), path lookups, the canonical listing, the
 * .reg and JSON Lines exports, verify, and a strict walk. A log mutant is loaded through {@link HiveLoader}, which
 * replays it into its (unchanged) primary.
 *
 * <p>The only allowed outcomes are a normal result or a {@link HiveFormatException}. Anything else is a
 * violation, and so is a hive that used more cell resolutions than its step budget, or a run that allocated more
 * than {@link #allocationBound} for its input.
 */
final class Exerciser {
    /**
     * Each operation (open plus one walk, export or verify) may allocate this many times the bytes of its input:
     * the listing and the exports hold each value as hex or escaped text, several bytes per data byte...
     */
    static final long ALLOCATION_FACTOR = 32;
    /**
     * ...plus this much: the fixed costs (the 4 KiB base-block copy, exporters, buffers) and what the reader's fixed
     * allowances let even a tiny hive hand out (HiveOptions: 2,000 value keys, 256 KiB of data, a walk weight of
     * 2,000,000), which a hostile one with shared lists uses up, at an exception per unreadable value.
     */
    static final long ALLOCATION_CONSTANT = 32L << 20;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String[] LOOKUPS = {"Select", "CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
        "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "Names", "no\\such\\key"};

    /**
     * What one mutant did.
     *
     * @param allocated the largest allocation of one operation
     */
    record Report(int formatErrors, long maxSteps, long allocated, long inputBytes, long nanos,
            List<String> violations) {
        /** The largest allocation of one operation, as a multiple of the input. */
        double allocationRatio() {
            return (double) allocated / Math.max(1, inputBytes);
        }
    }

    private final Path scratch;
    private final Map<Path, Path> primaryCopies = new HashMap<>();
    /** Time spent per operation over all runs, to see where a campaign's time goes. */
    private final Map<String, Long> nanosByOperation = new TreeMap<>();
    // What the current run found; reset by run().
    private final List<String> violations = new ArrayList<>();
    private int formatErrors;
    private long maxSteps;
    private long maxAllocated;
    private String maxAllocatedBy = "";

    /**
     * @param scratch a private folder for log mutants, which must be real files for {@link HiveLoader}
     */
    Exerciser(Path scratch) {
        this.scratch = scratch;
    }

    static long allocationBound(long inputBytes) {
        return ALLOCATION_FACTOR * inputBytes + ALLOCATION_CONSTANT;
    }

    /**
     * @param withExports also run the .reg and JSON Lines exports, which cost more than the rest together; a
     *     campaign runs them on a sample
     */
    Report run(Mutant mutant, boolean withExports) {
        formatErrors = 0;
        maxSteps = 0;
        maxAllocated = 0;
        violations.clear();
        long start = System.nanoTime();
        long inputBytes = mutant.bytes().length;
        try {
            if (mutant.seed().isLog()) {
                inputBytes += Files.size(mutant.seed().primary());
                runLog(mutant, inputBytes);
            } else {
                runPrimary(mutant.bytes(), mutant.seed().name(), withExports);
            }
        } catch (Throwable t) {
            violations.add("unexpected " + stackTrace(t));
        }
        return new Report(formatErrors, maxSteps, maxAllocated, inputBytes, System.nanoTime() - start,
                List.copyOf(violations));
    }

    /** Largest allocation of one operation of the last run, and which it was. */
    String maxAllocatedBy() {
        return maxAllocatedBy;
    }

    private long allocatedSoFar() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Seconds spent per operation so far, e.g. {@code walk=3.1 verify=2.0}. */
    String timeByOperation() {
        StringBuilder sb = new StringBuilder();
        nanosByOperation.forEach((op, n) -> sb.append(String.format(Locale.ROOT, "%s=%.1fs ", op, n / 1e9)));
        return sb.toString().trim();
    }

    private void checkAllocation(String what, long before, long inputBytes) {
        long allocated = allocatedSoFar() - before;
        if (allocated > maxAllocated) {
            maxAllocated = allocated;
            maxAllocatedBy = what;
        }
        if (allocated > allocationBound(inputBytes)) {
            violations.add(what + ": allocated " + allocated + " bytes for " + inputBytes + " input bytes (bound "
                    + allocationBound(inputBytes) + ")");
        }
    }

    private interface HiveAction {
        void run(Hive hive) throws HiveFormatException, IOException;
    }

    private void runPrimary(byte[] image, String name, boolean withExports) throws IOException {
        HiveOptions lenient = HiveOptions.lenient();
        step("walk", image, name, lenient, Exerciser::walkEverything);
        step("lookups", image, name, lenient, Exerciser::lookups);
        step("canon", image, name, lenient, h -> CanonicalListing.write(h, h.root(), OutputStream.nullOutputStream()));
        step("verify", image, name, lenient, HiveVerifier::verify);
        step("strict walk", image, name, HiveOptions.strictOptions(), Exerciser::walkEverything);
        if (withExports) {
            step("reg export", image, name, lenient, h -> RegExport.write(h, h.root(), h.kind().mountPoint(),
                    Writer.nullWriter()));
            step("jsonl export", image, name, lenient, h -> JsonLinesExport.write(h, h.root(),
                    h.kind().mountPoint(), OutputStream.nullOutputStream()));
        }
    }

    private void step(String what, byte[] image, String name, HiveOptions options, HiveAction action)
            throws IOException {
        long before = allocatedSoFar();
        long started = System.nanoTime();
        Hive hive;
        try {
            hive = Hive.open(new ArrayBytes(name, image), options);
        } catch (HiveFormatException e) {
            formatErrors++;
            checkAllocation("open", before, image.length);
            return;
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("during open: " + e, e);
        }
        try (hive) {
            action.run(hive);
            hive.diagnostics().messages();
        } catch (HiveFormatException e) {
            formatErrors++;
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("during " + what + ": " + e, e);
        } finally {
            checkSteps(hive, what);
            checkAllocation(what, before, image.length);
            nanosByOperation.merge(what, System.nanoTime() - started, Long::sum);
        }
    }

    private void checkSteps(Hive hive, String what) {
        long steps = HiveInternals.space(hive).steps();
        long budget = hive.options().stepBudget(HiveInternals.space(hive).bins().limit());
        maxSteps = Math.max(maxSteps, steps);
        if (steps > budget) {
            violations.add(what + ": " + steps + " steps, over the budget of " + budget);
        }
    }

    /**
     * Loads the primary with the mutant log replayed into it, then walks, lists and verifies the result: one
     * operation on one hive, so its allocation bound covers the replay and three passes.
     */
    private void runLog(Mutant mutant, long inputBytes) throws IOException {
        Path primary = primaryCopy(mutant.seed().primary());
        Path log = scratch.resolve("mutant.LOG1");
        Files.write(log, mutant.bytes());
        LoadOptions options = new LoadOptions(HiveOptions.lenient(), true, List.of(log));
        long before = allocatedSoFar();
        long started = System.nanoTime();
        LoadedHive loaded;
        try {
            loaded = HiveLoader.open(primary, options);
        } catch (HiveFormatException e) {
            formatErrors++;
            checkAllocation("log replay", before, inputBytes);
            return;
        }
        try (loaded) {
            Hive hive = loaded.hive();
            loaded.recovery();
            for (HiveAction action : List.<HiveAction>of(Exerciser::walkEverything,
                    h -> CanonicalListing.write(h, h.root(), OutputStream.nullOutputStream()), HiveVerifier::verify)) {
                try {
                    action.run(hive);
                } catch (HiveFormatException e) {
                    formatErrors++;
                }
            }
            checkSteps(hive, "log replay");
        }
        checkAllocation("log replay and three passes", before, 3 * inputBytes);
        nanosByOperation.merge("log replay", System.nanoTime() - started, Long::sum);
    }

    /** The primary of a log seed, copied once into the scratch folder: the evidence itself is never opened. */
    private Path primaryCopy(Path primary) throws IOException {
        Path copy = primaryCopies.get(primary);
        if (copy == null) {
            copy = scratch.resolve("primary-" + primaryCopies.size());
            Files.copy(primary, copy, StandardCopyOption.REPLACE_EXISTING);
            primaryCopies.put(primary, copy);
        }
        return copy;
    }

    /** Reads everything reachable: names, class names, descriptors, times, and each value's data and views. */
    static void walkEverything(Hive hive) throws HiveFormatException, IOException {
        hive.walk(new HiveVisitor() {
            @Override
            public boolean key(Key key) throws HiveFormatException {
                key.className();
                key.securityDescriptor();
                key.lastWritten();
                key.path();
                return true;
            }

            @Override
            public void value(Key key, Value value) throws HiveFormatException {
                try {
                    value.data();
                    ValueText.of(value);
                    value.asMultiString();
                    value.asNumber();
                } catch (HiveFormatException e) {
                    // A value that cannot be read is an allowed outcome; the walk goes on, as the CLI's does.
                }
            }
        });
    }

    static void lookups(Hive hive) throws HiveFormatException {
        hive.kind();
        KeyPath.currentControlSet(hive);
        for (String path : LOOKUPS) {
            hive.resolve(path);
        }
        // A few children only: a lookup per child of a 1000-entry unsorted list would make this loop, not the
        // reader, quadratic.
        for (Key child : hive.root().subkeys().stream().limit(16).toList()) {
            child.value("");
            hive.root().subkey(child.name());
        }
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter s = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(s));
        return s.toString();
    }

    /** Writes a failing mutant where it can be picked up as a regression fixture. */
    static Path save(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
