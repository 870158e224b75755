package org.hivescan.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A fuzz campaign: mutant i of campaign seed S is made from its own random stream, derived from (S, i) alone, so
 * any single mutant can be rebuilt and replayed without running the ones before it ({@link #mutant}).
 *
 * @param seed the campaign seed
 * @param mutants how many mutants to run at most
 * @param maxSeconds stop earlier once this much time has passed (0: no time limit)
 * @param maxSeedBytes leave out seeds larger than this
 * @param cliEvery run the command line (info, verify, export, audit) on every n-th mutant (0: never)
 * @param exportsEvery run the .reg and JSON Lines exports on every n-th mutant (they cost the most time)
 * @param failures where failing mutants are saved
 */
record Campaign(long seed, long mutants, long maxSeconds, long maxSeedBytes, int cliEvery, int exportsEvery,
        Path failures) {
    /** Seeds bigger than this are dropped from memory after use, so a long campaign does not hoard them. */
    private static final long KEEP_SEED_BYTES = 1 << 20;
    /** The first failures are kept in full; later ones are only counted. */
    private static final int KEPT_FAILURES = 20;

    /** What a campaign did. */
    record Result(long mutants, long formatErrors, long cliRuns, long nanos, long maxSteps, double maxAllocationRatio,
            List<String> failures, long failureCount) {
        double perSecond() {
            return mutants / Math.max(1e-9, nanos / 1e9);
        }

        String summary() {
            return String.format(Locale.ROOT, "%d mutants in %.1f s (%.0f mutants/s), %d with a HiveFormatException,"
                    + " %d CLI probes, most steps %d, most allocation %.1f x input, %d failure(s)", mutants,
                    nanos / 1e9, perSecond(), formatErrors, cliRuns, maxSteps, maxAllocationRatio, failureCount);
        }
    }

    /** Rebuilds mutant {@code index} of this campaign. */
    static Mutant mutant(SeedCorpus corpus, long campaignSeed, long index) {
        SplittableRandom rng = new SplittableRandom(mix(campaignSeed, index));
        Seed seed = corpus.pick(rng);
        return seed.isLog() ? LogMutator.mutate(seed, rng) : Mutator.mutate(seed, rng);
    }

    private static long mix(long seed, long index) {
        long z = seed + index * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Result run(SeedCorpus corpus, Path scratch, PrintStream progress) throws IOException {
        return run(corpus, scratch, progress, 0, mutants);
    }

    /** Replays mutant {@code index} alone, with the command-line probe. */
    Result runOne(SeedCorpus corpus, Path scratch, long index) throws IOException {
        return new Campaign(seed, mutants, 0, maxSeedBytes, 1, 1, failures).run(corpus, scratch, null, index,
                index + 1);
    }

    private Result run(SeedCorpus corpus, Path scratch, PrintStream progress, long from, long to)
            throws IOException {
        Exerciser exerciser = new Exerciser(Files.createDirectories(scratch.resolve("exerciser")));
        CliProbe cli = new CliProbe(Files.createDirectories(scratch.resolve("cli")));
        Tally tally = new Tally();
        long start = System.nanoTime();
        for (long i = from; i < to && !outOfTime(start); i++) {
            Mutant m = mutant(corpus, seed, i);
            Exerciser.Report r = exerciser.run(m, (i - from) % exportsEvery == 0);
            List<String> problems = new ArrayList<>(r.violations());
            boolean probe = cliEvery > 0 && (i - from) % cliEvery == 0;
            if (probe) {
                problems.addAll(cli.run(m));
            }
            tally.add(m, i, r, problems, probe);
            if (m.seed().size() > KEEP_SEED_BYTES) {
                m.seed().release();
            }
            if (progress != null && tally.done % 5000 == 0) {
                progress.printf(Locale.ROOT, "fuzz: %d mutants, %.0f/s, %d failure(s)%n", tally.done,
                        tally.done / ((System.nanoTime() - start) / 1e9), tally.failureCount);
            }
        }
        if (progress != null) {
            progress.println("fuzz: time by operation: " + exerciser.timeByOperation());
        }
        return tally.result(System.nanoTime() - start);
    }

    /** The counters of a run. */
    private final class Tally {
        private final List<String> kept = new ArrayList<>();
        private long done;
        private long failureCount;
        private long formatErrors;
        private long cliRuns;
        private long maxSteps;
        private double maxRatio;

        void add(Mutant m, long index, Exerciser.Report r, List<String> problems, boolean probed) {
            done++;
            cliRuns += probed ? 1 : 0;
            formatErrors += r.formatErrors() > 0 ? 1 : 0;
            maxSteps = Math.max(maxSteps, r.maxSteps());
            maxRatio = Math.max(maxRatio, r.allocationRatio());
            if (!problems.isEmpty()) {
                failureCount++;
                if (kept.size() < KEPT_FAILURES) {
                    kept.add(report(m, index, problems));
                }
            }
        }

        Result result(long nanos) {
            return new Result(done, formatErrors, cliRuns, nanos, maxSteps, maxRatio, kept, failureCount);
        }
    }

    private boolean outOfTime(long start) {
        return maxSeconds > 0 && System.nanoTime() - start > maxSeconds * 1_000_000_000L;
    }

    /** Saves the mutant and describes how to replay it. */
    private String report(Mutant m, long index, List<String> problems) {
        String file = String.format(Locale.ROOT, "seed%x-mutant%d%s", seed, index, m.seed().isLog() ? ".LOG1" : "");
        Path saved = Exerciser.save(failures, file, m.bytes());
        return String.format(Locale.ROOT, "mutant %d of campaign seed %d (0x%x), from %s%s%n  mutations: %s%n"
                + "  saved as %s%n  replay: %s%n  %s", index, seed, seed, m.seed().name(),
                m.seed().isLog() ? " (log of " + m.seed().primary().getFileName() + ")" : "", m.description(), saved,
                replayCommand(index), String.join("\n  ", problems));
    }

    /** A replay must pick from the same seed list, so it names the mode as well as the seed and the index. */
    private String replayCommand(long index) {
        if (maxSeedBytes == Long.MAX_VALUE) {
            return "bench/fuzz.sh replay " + seed + " " + index;
        }
        return "mvn test -Dtest=FuzzCampaignTest -Dhivescan.fuzz.seed=" + seed + " -Dhivescan.fuzz.replay=" + index;
    }
}
