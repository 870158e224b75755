package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Path;
import org.hivescan.TestPaths;
import org.hivescan.bytes.LimitExceededException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.report.CanonicalListing;
import org.hivescan.report.JsonLinesExport;
import org.junit.jupiter.api.Test;

/**
 * Lists and cells shared by many parents: each read is valid, but together they multiply what a small file hands
 * out. The walk, the value reads and the data reads are budgeted by the size of the file (HiveOptions), so these
 * end with a LimitExceededException (or, for a value read in lenient mode, a diagnostic) naming the offset instead
 * of an OutOfMemoryError: shared-data-cell ran a 128 MiB heap out before. Fixtures: testdata/hardening/shared-lists
 * and shared-data-cell (make_hardening.py).
 */
class SharedStructureLimitsTest {
    private static final long GENEROUS = 256L << 20;

    @Test
    void oneValueListSharedAThousandTimesIsStoppedByTheValueBudget() throws Exception {
        // shared-lists: ROOT's lh (rel 0x1020) names k0 1000 times; k0's value list (rel 0x3020) names one vk
        // 1000 times: a million values from 24 KiB.
        for (boolean jsonLines : new boolean[] {false, true}) {
            try (Hive hive = Hostile.open(Hostile.hardening("shared-lists"))) {
                long allocated = Hostile.allocatedBy(() -> assertThatThrownBy(() -> {
                    if (jsonLines) {
                        JsonLinesExport.write(hive, hive.root(), "HKLM", OutputStream.nullOutputStream());
                    } else {
                        CanonicalListing.write(hive, hive.root(), OutputStream.nullOutputStream());
                    }
                }).isInstanceOf(LimitExceededException.class).hasMessageContaining("at file offset 0x4020")
                        .hasMessageContaining("value keys read in one operation"));
                assertThat(allocated).isLessThan(GENEROUS);
            }
        }
    }

    @Test
    void repeatedLookupsDoNotRereadDamagedEntries() throws Exception {
        // testdata/regress/lookups-rebuild-exceptions: ROOT's lf lists 1000 entries, most of them unreadable. A miss
        // scans them all; each scan used to build 1000 new exceptions.
        Path hive = TestPaths.testdata().resolve("regress/lookups-rebuild-exceptions/hive");
        try (Hive h = Hive.openWithoutReplay(hive, HiveOptions.lenient())) {
            assertThat(h.root().subkey("no such key")).isEmpty();
            long allocated = Hostile.allocatedBy(() -> {
                for (int i = 0; i < 20; i++) {
                    assertThat(h.root().subkey("no such key " + i)).isEmpty();
                }
            });
            assertThat(allocated).as("bytes allocated by 20 more lookups").isLessThan(4L << 20);
            assertThat(Hostile.diagnostics(h)).anySatisfy(m -> assertThat(m).contains("points outside"));
        }
    }

    @Test
    void oneDataCellSharedFourThousandTimesIsStoppedByTheDataBudget() throws Exception {
        // shared-data-cell: 100 vk records point at one 16000-byte data cell (rel 0x5020), and k0 is listed 40
        // times: 64 MB of data from 44 KiB.
        try (Hive hive = Hostile.open(Hostile.hardening("shared-data-cell"))) {
            // The listing goes on without the data it may no longer read, as for any unreadable value, and says so.
            long allocated = Hostile.allocatedBy(
                    () -> CanonicalListing.write(hive, hive.root(), OutputStream.nullOutputStream()));
            assertThat(allocated).isLessThan(GENEROUS);
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x")
                    .contains("value data bytes read in one operation (shared data cells?): expected at most"));
        }
        try (Hive hive = Hive.openWithoutReplay(Hostile.hardening("shared-data-cell"), HiveOptions.strictOptions())) {
            assertThatThrownBy(() -> CanonicalListing.write(hive, hive.root(), OutputStream.nullOutputStream()))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("value data bytes read in one operation");
        }
    }
}
