package org.hivescan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI fuzz campaign (issue 5): a fixed seed, at least 20,000 structure-aware mutants of the corpus and of our
 * fixtures, each opened, walked, listed, exported and verified in process, and every 100th also run through the
 * command line (info, verify, export, audit). It must find nothing. With {@code -Dhivescan.fuzz.long=true} the
 * same test runs a long campaign with a random seed instead ({@code bench/fuzz.sh}); with
 * {@code -Dhivescan.fuzz.replay=I} it replays mutant I only.
 */
class FuzzCampaignTest {
    @Test
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void campaignFindsNothing(@TempDir Path scratch) throws Exception {
        Campaign campaign = FuzzSettings.campaign();
        SeedCorpus corpus = SeedCorpus.load(TestPaths.corpus(), TestPaths.testdata(), campaign.maxSeedBytes());
        assertThat(corpus.seeds()).as("seeds: the corpus and our fixtures").hasSizeGreaterThan(250);
        Long replay = FuzzSettings.replayIndex();
        Campaign.Result result = replay == null ? campaign.run(corpus, scratch, System.out)
                : campaign.runOne(corpus, scratch, replay);
        System.out.println("fuzz: campaign seed " + campaign.seed() + ": " + result.summary());
        assertThat(result.failures()).as(result.summary()).isEmpty();
        if (replay == null && !FuzzSettings.longMode()) {
            assertThat(result.mutants()).isGreaterThanOrEqualTo(FuzzSettings.CI_MUTANTS);
        }
    }
}
