package org.hivescan.recovery;

import org.hivescan.hive.HiveInternals;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.HiveOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 3: the yarp test hives in the corpus (msuhanov_yarp/hives_for_tests), which cover each way a log can
 * be good or bad. Expected listings come from the shared oracles, including two hives that Windows itself
 * recovered from the same primary and logs (RecoveredHive_Windows7, RecoveredHive_Windows10).
 */
class CraftedCorpusTest {
    private static final String YARP = "msuhanov_yarp/hives_for_tests/";
    private static final String WINDOWS7 = YARP + "OldDirtyHive/RecoveredHive_Windows7";
    private static final String WINDOWS10 = YARP + "NewDirtyHive1/RecoveredHive_Windows10";

    @Test
    void oldDirtyHiveMatchesWhatWindows7Recovered() throws Exception {
        LoadResult r = load(YARP + "OldDirtyHive/OldDirtyHive");
        assertThat(r.report.applied()).isTrue();
        assertThat(r.report.notes()).anyMatch(n -> n.contains("OldDirtyHive.LOG1: old format: applied 64 of 64"));
        assertThat(r.report.notes()).anyMatch(n -> n.contains("OldDirtyHive.LOG2: rejected: empty file"));
        assertThat(r.listing).isEqualTo(oracleCanon(WINDOWS7));
    }

    @Test
    void badBaseBlockIsRecoveredFromTheLog() throws Exception {
        // The primary's base block has a wrong checksum (and a bogus minor version 1): the log's copy replaces it.
        LoadResult r = load(YARP + "BadBaseBlockHive/BadBaseBlockHive");
        assertThat(r.report.dirtyReasons()).anyMatch(s -> s.contains("checksum wrong"));
        assertThat(r.report.notes()).anyMatch(n -> n.contains("base block recovered from this log"));
        assertThat(r.version).isEqualTo("1.3");
        assertThat(r.listing).isEqualTo(oracleCanon(WINDOWS7));
    }

    @Test
    void newDirtyHive1UsesBothLogsAndMatchesWhatWindows10Recovered() throws Exception {
        LoadResult r = load(YARP + "NewDirtyHive1/NewDirtyHive");
        assertThat(r.report.logsApplied()).extracting(p -> p.getFileName().toString())
                .containsExactly("NewDirtyHive.LOG1", "NewDirtyHive.LOG2");
        assertThat(r.report.notes()).anyMatch(n -> n.contains("applied entries 2..2"))
                .anyMatch(n -> n.contains("applied entries 3..5"));
        assertThat(r.sequences).containsExactly(5, 5);
        assertThat(r.listing).isEqualTo(oracleCanon(WINDOWS10));
    }

    @Test
    void newDirtyHive2SkipsTheStaleLog() throws Exception {
        LoadResult r = load(YARP + "NewDirtyHive2/NewDirtyHive");
        assertThat(r.report.notes()).anyMatch(n -> n.contains("NewDirtyHive.LOG1: rejected: stale"));
        assertThat(r.report.logsApplied()).extracting(p -> p.getFileName().toString())
                .containsExactly("NewDirtyHive.LOG2");
        assertThat(r.listing).isEqualTo(oracleCanon(WINDOWS10));
    }

    @Test
    void badLogHive1LogWithBadChecksumIsSkipped() throws Exception {
        LoadResult r = load(YARP + "BadLogHive1/BadLogHive");
        assertThat(r.report.applied()).isFalse();
        assertThat(r.report.notes()).anyMatch(n -> n.contains("BadLogHive.LOG1: rejected: corrupt: base block checksum"));
        assertThat(r.listing).isEqualTo(oracleCanon(YARP + "BadLogHive1/BadLogHive"));
    }

    @Test
    void badLogHive2LogWithoutDirtyVectorIsSkipped() throws Exception {
        LoadResult r = load(YARP + "BadLogHive2/BadLogHive");
        assertThat(r.report.applied()).isFalse();
        assertThat(r.report.notes()).anyMatch(n -> n.contains("no \"DIRT\" dirty vector"));
        assertThat(r.listing).isEqualTo(oracleCanon(YARP + "BadLogHive2/BadLogHive"));
    }

    @Test
    void badLogHive3BothNewFormatLogsCorruptAreSkipped() throws Exception {
        LoadResult r = load(YARP + "BadLogHive3/BadLogHive");
        assertThat(r.report.applied()).isFalse();
        assertThat(r.report.notes()).filteredOn(n -> n.contains("rejected: corrupt: base block checksum")).hasSize(2);
        assertThat(r.listing).isEqualTo(oracleCanon(YARP + "BadLogHive3/BadLogHive"));
    }

    @Test
    void truncatedDirtyHiveWithoutLogsIsReadAsItIs() throws Exception {
        Path hive = TestFiles.corpus(YARP + "TruncatedDirtyHive");
        try (LoadedHive loaded = TestFiles.load(hive)) {
            assertThat(loaded.recovery().dirty()).isTrue();
            assertThat(loaded.recovery().notes()).anyMatch(n -> n.contains("no transaction log was found"));
            assertThat(TestFiles.listing(loaded.hive())).isNotEmpty();
        }
    }

    @Test
    void truncatedDirtyHiveRejectsOldDirtyHivesLog() throws Exception {
        // TruncatedDirtyHive is cut after 12 KiB and its base block carries another last-written time than
        // OldDirtyHive's log, so that log is not applied (§Old format / Base block Note 3).
        Path hive = TestFiles.corpus(YARP + "TruncatedDirtyHive");
        Path log = TestFiles.corpus(YARP + "OldDirtyHive/OldDirtyHive.LOG1");
        LoadOptions options = new LoadOptions(HiveOptions.lenient(), true, List.of(log));
        try (LoadedHive loaded = HiveLoader.open(hive, options)) {
            assertThat(loaded.recovery().applied()).isFalse();
            assertThat(loaded.recovery().notes()).anyMatch(n -> n.contains("does not match the primary's"));
            assertThat(TestFiles.listing(loaded.hive())).isNotEmpty();
        }
    }

    @Test
    void newFormatLogTruncatedMidEntryKeepsTheEntriesBeforeIt(@TempDir Path dir) throws Exception {
        // NewDirtyHive1.LOG2 holds entries 3 (0x200), 4 (0x2000) and 5 (0x8000); cut it inside entry 5.
        Path src = TestFiles.corpus(YARP + "NewDirtyHive1");
        Files.copy(src.resolve("NewDirtyHive"), dir.resolve("NewDirtyHive"));
        Files.copy(src.resolve("NewDirtyHive.LOG1"), dir.resolve("NewDirtyHive.LOG1"));
        byte[] log2 = Files.readAllBytes(src.resolve("NewDirtyHive.LOG2"));
        Files.write(dir.resolve("NewDirtyHive.LOG2"), java.util.Arrays.copyOf(log2, 0x8000 + 0x1000));
        try (LoadedHive loaded = TestFiles.load(dir.resolve("NewDirtyHive"))) {
            assertThat(loaded.recovery().notes())
                    .anyMatch(n -> n.contains("applied entries 3..4") && n.contains("then stopped: truncated"));
            assertThat(HiveInternals.baseBlock(loaded.hive()).primarySequence()).isEqualTo(4);
            assertThat(TestFiles.listing(loaded.hive())).isNotEmpty();
        }
    }

    @Test
    void aLogOfAnotherHiveBesideADirtyPrimaryIsRejected(@TempDir Path dir) throws Exception {
        // In the corpus, log2timeline's at-fbe8f8895e/NTUSER.DAT.LOG belongs to another user's hive (its stored
        // name is NetworkService's ntuser.dat). Make a dirty copy of the primary so the log is considered.
        String at = "log2timeline_dfwinreg/test_data/at-fbe8f8895e/";
        byte[] primary = Files.readAllBytes(TestFiles.corpus(at + "NTUSER.DAT"));
        Fixtures.makeDirty(primary);
        Files.write(dir.resolve("NTUSER.DAT"), primary);
        Files.copy(TestFiles.corpus(at + "NTUSER.DAT.LOG"), dir.resolve("NTUSER.DAT.LOG"));
        LoadResult r = load(dir.resolve("NTUSER.DAT"));
        assertThat(r.report.applied()).isFalse();
        assertThat(r.report.notes()).anyMatch(n -> n.contains("NTUSER.DAT.LOG: rejected: its last-written timestamp")
                && n.contains("stale or belongs to another hive"));
        assertThat(r.listing).isEqualTo(oracleCanon(at + "NTUSER.DAT"));
    }

    private static String oracleCanon(String hive) throws Exception {
        return new String(TestFiles.read(TestFiles.oracle(hive + ".canon.gz")), StandardCharsets.UTF_8);
    }

    private static LoadResult load(String corpusHive) throws Exception {
        return load(TestFiles.corpus(corpusHive));
    }

    private static LoadResult load(Path hive) throws HiveFormatException, java.io.IOException {
        try (LoadedHive loaded = TestFiles.load(hive)) {
            var base = HiveInternals.baseBlock(loaded.hive());
            return new LoadResult(loaded.recovery(), new String(TestFiles.listing(loaded.hive()),
                    StandardCharsets.UTF_8), base.version(), List.of(base.primarySequence(), base.secondarySequence()));
        }
    }

    private record LoadResult(RecoveryReport report, String listing, String version, List<Integer> sequences) {
    }
}
