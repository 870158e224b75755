package org.hivescan.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hivescan.volume.TestImages.Variant;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing that knows where the structures are: bytes of the GPT, the NTFS boot sector, the MFT records
 * of $MFT, the root, $UpCase, the Windows folders and the hives (written through the fixup array, so mutations
 * reach the fields rather than only tripping the update sequence check), and the INDX records of the config
 * folder. Every mutant must either read or fail with an IOException; never a runtime exception, an error or a
 * hang. The seed is fixed so a failure reproduces.
 */
class NtfsMutationFuzzTest {
    private static final long SEED = 0x5EED_12L;
    private static final int MUTANTS = 300;

    private record Target(String what, long diskOffset, int length, boolean fixups) {
    }

    @Test
    void mutantsReadOrFailCleanly() throws Exception {
        try (RawFileSource image = new RawFileSource(TestImages.raw(Variant.GPT_ESP_FRAG))) {
            List<Target> targets = targets(image);
            Random random = new Random(SEED);
            int failedCleanly = 0;
            for (int i = 0; i < MUTANTS; i++) {
                PatchedSource mutant = new PatchedSource(image);
                StringBuilder described = new StringBuilder("mutant " + i + ":");
                for (int m = 0; m <= random.nextInt(3); m++) {
                    mutate(mutant, targets.get(random.nextInt(targets.size())), random, described);
                }
                String description = described.toString();
                boolean failed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readAll(mutant, description),
                        description);
                failedCleanly += failed ? 1 : 0;
            }
            assertThat(failedCleanly).as("mutants that fail with a clear error").isBetween(MUTANTS / 10, MUTANTS);
        }
    }

    /** Scans the mutant and reads every hive and log in full; true when it failed with an IOException. */
    private static boolean readAll(PatchedSource mutant, String description) {
        try {
            DiskLayout layout = DiskLayout.scan(mutant);
            byte[] buffer = new byte[1 << 16];
            for (WindowsInstallation w : layout.windows()) {
                for (WindowsInstallation.HiveFile f : w.files()) {
                    var source = f.file().open();
                    // a mutated size may claim petabytes of sparse zeros: the hive reader bounds what it reads,
                    // so the fuzzer reads what a hive reader would at most
                    long end = Math.min(source.size(), 16 << 20);
                    for (long at = 0; at < end; at += buffer.length) {
                        source.readFully(at, buffer, 0, (int) Math.min(buffer.length, end - at));
                    }
                    if (source.size() > end) {
                        source.readFully(source.size() - 1, buffer, 0, 1);
                    }
                }
                w.volume().list(w.volume().file("/Windows/System32"));
            }
            return layout.volumes().stream().anyMatch(v -> !v.problem().isEmpty());
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as(description).isNotBlank();
            return true;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(description + " ended in " + e, e);
        }
    }

    private static void mutate(PatchedSource mutant, Target t, Random random, StringBuilder described)
            throws IOException {
        int field = random.nextInt(t.length);
        byte value = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> (byte) 0xFF;
            case 2 -> (byte) (mutant.read(t.diskOffset + field, 1)[0] + (random.nextBoolean() ? 1 : -1));
            default -> (byte) random.nextInt(256);
        };
        described.append(String.format(" %s+0x%X=0x%02X", t.what, field, value & 0xFF));
        if (t.fixups) {
            Damage.inRecord(mutant, t.diskOffset, field, value);
        } else {
            mutant.patch(t.diskOffset + field, value);
        }
    }

    private static List<Target> targets(RawFileSource image) throws IOException {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("GPT header", 512, 92, false));
        targets.add(new Target("GPT entries", 1024, 512, false));
        DiskLayout layout = DiskLayout.scan(image);
        WindowsInstallation w = layout.windows().get(0);
        NtfsVolume volume = w.volume();
        targets.add(new Target("boot sector", w.partition().start(), 90, false));
        List<Long> records = new ArrayList<>(List.of(0L, 5L, 10L));
        for (String path : List.of("/Windows", "/Windows/System32", DiskLayout.CONFIG_DIR)) {
            records.add(volume.file(path).recordNumber());
        }
        for (WindowsInstallation.HiveFile f : w.files()) {
            records.add(f.file().recordNumber());
        }
        for (long r : records) {
            targets.add(new Target("MFT record " + r, volume.recordDiskOffset(r), 1024, true));
        }
        NtfsFile system32 = volume.file("/Windows/System32");
        NtfsFileSource allocation = (NtfsFileSource) volume.stream(
                NtfsVolume.extents(system32.attributes(), Attribute.INDEX_ALLOCATION, "$I30"), "System32");
        for (long vcn = 0; vcn < 4; vcn++) {
            targets.add(new Target("System32 INDX " + vcn, allocation.diskOffsetOf(vcn * 4096), 4096, true));
        }
        return targets;
    }
}
