package org.hivescan.recovery;

import org.hivescan.hive.HiveInternals;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hivescan.format.BaseBlock;
import org.hivescan.hive.HiveOptions;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3, our own fixtures (testdata/recovery, made by make_recovery_fixtures.py with the independent
 * regf_writer): each expected listing was computed from the description of the hive state that a correct replay
 * must reach, not by reading any hive back.
 */
class FixtureRecoveryTest {
    @Test
    void bothLogsAreUsedWithTheOlderOneFirst() throws Exception {
        Outcome o = load("dual-older-first/NTUSER.DAT");
        assertThat(o.report.logsFound()).extracting(p -> p.getFileName().toString())
                .containsExactly("ntuser.dat.LOG1", "ntuser.dat.LOG2");
        assertThat(o.report.logsApplied()).extracting(p -> p.getFileName().toString())
                .containsExactly("ntuser.dat.LOG2", "ntuser.dat.LOG1");
        assertThat(o.report.notes()).anyMatch(n -> n.contains("ntuser.dat.LOG2: new format: applied entries 10..11"))
                .anyMatch(n -> n.contains("ntuser.dat.LOG1: new format: applied entries 12..13"));
        assertThat(o.listing).isEqualTo(expected("dual-older-first/expected.canon"));
    }

    @Test
    void recoveredBaseBlockIsCleanAndTheHiveGrewToTheLoggedSize() throws Exception {
        Outcome o = load("dual-older-first/NTUSER.DAT");
        assertThat(o.base.primarySequence()).isEqualTo(13);
        assertThat(o.base.secondarySequence()).isEqualTo(13);
        assertThat(o.base.checksumValid()).isTrue();
        assertThat(o.base.fileType()).isEqualTo(BaseBlock.FILE_TYPE_PRIMARY);
        assertThat(o.base.hiveBinsDataSize()).isGreaterThan(o.primaryBinsSize);
        assertThat(o.viewLength).isEqualTo(BaseBlock.SIZE + o.base.hiveBinsDataSize());
    }

    @Test
    void theOlderLogAloneGivesTheIntermediateState() throws Exception {
        Path dir = TestFiles.fixture("dual-older-first");
        Outcome o = load(dir.resolve("NTUSER.DAT"), dir.resolve("ntuser.dat.LOG2"));
        assertThat(o.report.notes()).anyMatch(n -> n.contains("applied entries 10..11"));
        assertThat(o.listing).isEqualTo(expected("dual-older-first/expected-LOG2-only.canon"));
    }

    @Test
    void aStaleLogIsRejected() throws Exception {
        Outcome o = load("stale-log/SOFTWARE");
        assertThat(o.report.applied()).isFalse();
        assertThat(o.report.notes()).anyMatch(n -> n.contains("SOFTWARE.LOG1: rejected: stale: its entries start at "
                + "sequence 15, before the primary's secondary sequence number 20"));
        assertThat(o.listing).isEqualTo(expected("stale-log/expected.canon"));
    }

    @Test
    void aLogOfAnotherHiveIsRejectedByItsGuids() throws Exception {
        Outcome o = load("other-hive-guids/SYSTEM");
        assertThat(o.report.applied()).isFalse();
        assertThat(o.report.notes()).anyMatch(n -> n.contains("rejected: wrong hive: its resource-manager GUIDs"));
        assertThat(o.listing).isEqualTo(expected("other-hive-guids/expected.canon"));
    }

    @Test
    void aLogOfAnotherHiveIsRejectedByItsTimestamp() throws Exception {
        Outcome o = load("other-hive-timestamp/SYSTEM");
        assertThat(o.report.applied()).isFalse();
        assertThat(o.report.notes()).anyMatch(n -> n.contains("rejected: wrong hive: its last-written timestamp"));
        assertThat(o.listing).isEqualTo(expected("other-hive-timestamp/expected.canon"));
    }

    @Test
    void aLogTruncatedMidEntryKeepsTheCompleteEntries() throws Exception {
        Outcome o = load("truncated-log/BBI");
        assertThat(o.report.notes()).anyMatch(n -> n.contains("applied entries 10..11")
                && n.contains("then stopped: truncated") && n.contains("runs past the end of the file"));
        assertThat(o.base.primarySequence()).isEqualTo(11);
        assertThat(o.listing).isEqualTo(expected("truncated-log/expected.canon"));
    }

    @Test
    void aHashMismatchStopsReplayBeforeThatEntry() throws Exception {
        Outcome o = load("bad-hash-log/BBI");
        assertThat(o.report.notes()).anyMatch(n -> n.contains("applied entries 10..10")
                && n.contains("then stopped: bad hash") && n.contains("Hash-1 mismatch"));
        assertThat(o.listing).isEqualTo(expected("bad-hash-log/expected.canon"));
    }

    @Test
    void aSequenceGapStopsReplay() throws Exception {
        Outcome o = load("gap-log/BBI");
        assertThat(o.report.notes()).anyMatch(n -> n.contains("applied entries 10..10")
                && n.contains("then stopped: sequence gap") && n.contains("sequence number 12, expected 11"));
        assertThat(o.listing).isEqualTo(expected("gap-log/expected.canon"));
    }

    @Test
    void oldFormatPagesStartAfterALongBitmap() throws Exception {
        // 2.3 MB of hive bins need a 566-byte bitmap, so the dirty pages start at 1536, not at 1024.
        Outcome o = load("old-format/SAM");
        assertThat(o.report.notes()).anyMatch(n -> n.contains("SAM.LOG1: old format: applied 16 of 16 dirty pages"));
        assertThat(o.base.sequenceNumbersMatch()).isTrue();
        assertThat(o.base.checksumValid()).isTrue();
        assertThat(o.listing).isEqualTo(expected("old-format/expected.canon.gz"));
    }

    @Test
    void oldFormatStopsAtTheFirstInvalidDirtyBin() throws Exception {
        Path dir = TestFiles.fixture("old-format");
        Outcome o = load(dir.resolve("SAM"), dir.resolve("bad-bin.LOG1"));
        assertThat(o.report.notes()).anyMatch(n -> n.contains("old format: applied 8 of 16 dirty pages; then "
                + "stopped: invalid dirty hive bin"));
        assertThat(o.listing).isEqualTo(expected("old-format/expected-bad-bin.canon.gz"));
    }

    @Test
    void oldFormatLogOfAnotherHiveIsRejected() throws Exception {
        Path dir = TestFiles.fixture("old-format");
        Outcome o = load(dir.resolve("SAM"), dir.resolve("other-hive.LOG"));
        assertThat(o.report.applied()).isFalse();
        assertThat(o.report.notes()).anyMatch(n -> n.contains("other-hive.LOG: rejected: its last-written timestamp does "
                + "not match the primary's"));
        assertThat(o.listing).isEqualTo(expected("old-format/expected-primary.canon.gz"));
    }

    @Test
    void noLogsReadsTheDirtyPrimaryAsItIs() throws Exception {
        Path hive = TestFiles.fixture("dual-older-first/NTUSER.DAT");
        try (LoadedHive loaded = HiveLoader.open(hive, new LoadOptions(HiveOptions.lenient(), false, List.of()))) {
            assertThat(loaded.recovery().applied()).isFalse();
            assertThat(loaded.recovery().notes()).anyMatch(n -> n.startsWith("--no-logs"));
            assertThat(HiveInternals.baseBlock(loaded.hive()).isDirty()).isTrue();
            // The primary is state S0: the stale-log fixture's expected listing is that same state.
            assertThat(new String(TestFiles.listing(loaded.hive()), StandardCharsets.UTF_8))
                    .isEqualTo(expected("stale-log/expected.canon"));
        }
    }

    private static String expected(String relative) throws Exception {
        return new String(TestFiles.read(TestFiles.fixture(relative)), StandardCharsets.UTF_8);
    }

    private static Outcome load(String relative) throws Exception {
        return load(TestFiles.fixture(relative));
    }

    private static Outcome load(Path hive, Path... logs) throws Exception {
        LoadOptions options = new LoadOptions(HiveOptions.lenient(), true, List.of(logs));
        long primaryBins;
        try (var primary = org.hivescan.bytes.HiveBytes.open(hive)) {
            primaryBins = BaseBlock.read(primary, 0).hiveBinsDataSize();
        }
        try (LoadedHive loaded = HiveLoader.open(hive, options)) {
            return new Outcome(loaded.recovery(), new String(TestFiles.listing(loaded.hive()), StandardCharsets.UTF_8),
                    HiveInternals.baseBlock(loaded.hive()), primaryBins, loaded.bytes().length());
        }
    }

    private record Outcome(RecoveryReport report, String listing, BaseBlock base, long primaryBinsSize,
            long viewLength) {
    }
}
