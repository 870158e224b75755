package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mutation fuzzing of every container format from the seeds in testdata/container/seeds (made by make_seeds.sh),
 * with a fixed seed: each mutant either reads (any bytes) or fails with an IOException; never a runtime
 * exception, an error or a hang.
 */
class ContainerFuzzTest {
    /** Mutants per seed; {@code -Dhivescan.container.mutants=N} runs a longer campaign by hand. */
    private static final int MUTANTS = Integer.getInteger("hivescan.container.mutants", 60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"dynamic.vhd,vhd", "disk.vhdx,vhdx", "disk.qcow2,qcow2", "compressed.qcow2,qcow2",
        "sparse.vmdk,vmdk", "stream.vmdk,vmdk", "gdend.vmdk,vmdk", "disk.E01,e01"})
    void mutantsReadOrFailCleanly(String seed, String format) throws Exception {
        byte[] image = gunzip(TestPaths.testdata().resolve("container/seeds/" + seed + ".gz"));
        byte[] raw = gunzip(TestPaths.testdata().resolve("container/seeds/disk.raw.gz"));
        Path original = Files.write(dir.resolve(seed), image);
        try (DiskImage opened = DiskImages.open(original)) {
            assertThat(opened.format()).isEqualTo(format);
            TestDisks.assertSameDisk(opened, raw);
        }
        ContainerMutator mutator = new ContainerMutator(format, image);
        assertThat(mutator.structureCount()).as("structures found in " + seed).isGreaterThan(2);
        Random random = new Random(seed.hashCode() * 31L + Long.getLong("hivescan.container.seed", 12));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            Path mutant = Files.write(dir.resolve("m" + i + "-" + seed), mutator.mutate(random));
            outcomes.add(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> outcome(mutant), "mutant " + i));
            Files.delete(mutant);
        }
        // the mutator reaches past the checks: some mutants are rejected, and not all for the same reason
        assertThat(outcomes).anyMatch(o -> o.startsWith("error"));
        assertThat(outcomes.stream().distinct().count()).isGreaterThan(1);
    }

    /** "read" or "error: <structure>"; anything else than an IOException propagates and fails the test. */
    private static String outcome(Path mutant) {
        try {
            Damage.readAll(mutant);
            return "read";
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            int structure = message.indexOf(", ");
            return "error: " + (structure > 0 ? message.substring(structure, Math.min(message.length(),
                    structure + 40)) : message);
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readNBytes(64 << 20);
        }
    }
}
