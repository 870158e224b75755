package org.hivescan.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hivescan.TestPaths;

/**
 * Long campaigns outside the test runner ({@code bench/fuzz.sh}), replays of one mutant, and a calibration run
 * that prints what each unmutated seed costs. Settings come from system properties ({@link FuzzSettings}).
 *
 * <p>Usage: {@code FuzzMain [campaign|replay|calibrate]}; exit status 0 when nothing was found, 1 otherwise.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "campaign";
        Campaign campaign = FuzzSettings.campaign();
        SeedCorpus corpus = SeedCorpus.load(TestPaths.corpus(), TestPaths.testdata(), campaign.maxSeedBytes());
        Path scratch = Files.createTempDirectory("hivescan-fuzz");
        int status = switch (mode) {
            case "replay" -> replay(corpus, campaign, scratch);
            case "calibrate" -> calibrate(corpus, scratch);
            default -> campaign(corpus, campaign, scratch);
        };
        System.exit(status);
    }

    private static int campaign(SeedCorpus corpus, Campaign campaign, Path scratch) throws Exception {
        System.out.printf(Locale.ROOT, "fuzz: campaign seed %d, %d seeds, up to %d mutants / %d s%n",
                campaign.seed(), corpus.seeds().size(), campaign.mutants(), campaign.maxSeconds());
        Campaign.Result result = campaign.run(corpus, scratch, System.out);
        System.out.println("fuzz: " + result.summary());
        result.failures().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "fuzz: campaign seed was %d%n", campaign.seed());
        return result.failureCount() == 0 ? 0 : 1;
    }

    private static int replay(SeedCorpus corpus, Campaign campaign, Path scratch) throws Exception {
        long index = FuzzSettings.replayIndex() == null ? 0 : FuzzSettings.replayIndex();
        Mutant m = Campaign.mutant(corpus, campaign.seed(), index);
        System.out.println("seed file: " + m.seed().name() + "\nmutations: " + m.description());
        Exerciser.Report r = new Exerciser(scratch).run(m, true);
        System.out.println(r);
        Path saved = Exerciser.save(campaign.failures(), "replay-" + index + (m.seed().isLog() ? ".LOG1" : ""),
                m.bytes());
        System.out.println("mutant saved as " + saved);
        var cli = new CliProbe(Files.createDirectories(scratch.resolve("cli"))).run(m);
        cli.forEach(System.out::println);
        return r.violations().isEmpty() && cli.isEmpty() ? 0 : 1;
    }

    /** Each unmutated seed once (twice, to let the JIT settle), with its size, time and allocation. */
    private static int calibrate(SeedCorpus corpus, Path scratch) throws Exception {
        Exerciser exerciser = new Exerciser(scratch);
        for (Seed seed : corpus.seeds()) {
            Mutant m = new Mutant(seed, seed.bytes(), "none");
            exerciser.run(m, true);
            Exerciser.Report r = exerciser.run(m, true);
            System.out.printf(Locale.ROOT, "%9d %8.2f ms %6.1f x (%s) steps %9d err %d %s %s%n", seed.size(),
                    r.nanos() / 1e6, r.allocationRatio(), exerciser.maxAllocatedBy(), r.maxSteps(),
                    r.formatErrors(), seed.name(), r.violations().isEmpty() ? "" : "VIOLATION " + r.violations());
            seed.release();
        }
        return 0;
    }
}
