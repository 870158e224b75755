package org.hivescan.fuzz;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Campaign settings from system properties, shared by the CI test and {@code bench/fuzz.sh}:
 * <ul>
 * <li>{@code hivescan.fuzz.long=true}: a long campaign with a random seed (unless one is given) and a time limit;
 * <li>{@code hivescan.fuzz.seed=N}: the campaign seed (CI default {@value #CI_SEED});
 * <li>{@code hivescan.fuzz.mutants=N}, {@code hivescan.fuzz.minutes=N}: how much to run;
 * <li>{@code hivescan.fuzz.replay=I}: run mutant I of the seed only, and print what it is;
 * <li>{@code hivescan.fuzz.failures=DIR}: where failing mutants are saved (default target/fuzz-failures).
 * </ul>
 */
final class FuzzSettings {
    static final long CI_SEED = 20_250_605L;
    /** The issue asks for at least 20,000 mutants in CI. */
    static final long CI_MUTANTS = 20_000;
    /** CI keeps to seeds up to 1 MiB so that the campaign stays within a few minutes on 2 cores. */
    static final long CI_MAX_SEED_BYTES = 1 << 20;
    static final int CI_CLI_EVERY = 100;
    static final int CI_EXPORTS_EVERY = 4;

    private FuzzSettings() {
    }

    static boolean longMode() {
        return Boolean.getBoolean("hivescan.fuzz.long");
    }

    static Long replayIndex() {
        String replay = System.getProperty("hivescan.fuzz.replay");
        return replay == null || replay.isBlank() ? null : Long.decode(replay.trim());
    }

    static Campaign campaign() {
        boolean longMode = longMode();
        long seed = Long.decode(System.getProperty("hivescan.fuzz.seed",
                longMode ? Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE) : Long.toString(CI_SEED)));
        long mutants = Long.getLong("hivescan.fuzz.mutants", longMode ? Long.MAX_VALUE : CI_MUTANTS);
        long minutes = Long.getLong("hivescan.fuzz.minutes", longMode ? 30 : 0);
        long maxSeedBytes = longMode ? Long.MAX_VALUE : CI_MAX_SEED_BYTES;
        int cliEvery = Integer.getInteger("hivescan.fuzz.cliEvery", longMode ? 25 : CI_CLI_EVERY);
        Path failures = Path.of(System.getProperty("hivescan.fuzz.failures", "target/fuzz-failures"));
        int exportsEvery = longMode ? 1 : CI_EXPORTS_EVERY;
        return new Campaign(seed, mutants, minutes * 60, maxSeedBytes, cliEvery, exportsEvery, failures);
    }
}
