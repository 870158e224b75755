package org.hivescan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's own parsers must find the structures they claim to, or its mutations would land in the wrong
 * places and test little: checked against the offsets the fixture README documents, and against the Marvin32
 * hashes Windows wrote into the corpus logs.
 */
class LayoutTest {
    private static HiveLayout layout(String fixture) throws IOException {
        return HiveLayout.parse(Files.readAllBytes(TestPaths.fixtures().resolve(fixture + ".hive")));
    }

    private static FieldKind kindAt(HiveLayout layout, long fileOffset) {
        FieldTable f = layout.fields();
        for (int i = 0; i < f.size(); i++) {
            if (f.at(i) == fileOffset) {
                return f.kind(i);
            }
        }
        return null;
    }

    @Test
    void findsTheFieldsTheFixtureReadmeNames() throws IOException {
        // count-overflow: lh count at file 0x114E, the nk's subkey count at 0x1108.
        HiveLayout counts = layout("count-overflow");
        assertThat(kindAt(counts, 0x114E)).isEqualTo(FieldKind.COUNT);
        assertThat(kindAt(counts, 0x1108)).isEqualTo(FieldKind.COUNT);
        // cycle-self: Loop's lh entry 0 at file 0x1150 is an offset, held by the lh at rel 0x148, owned by Loop.
        HiveLayout cycle = layout("cycle-self");
        assertThat(kindAt(cycle, 0x1150)).isEqualTo(FieldKind.OFFSET);
        assertThat(cycle.ownerOf(0x148)).isEqualTo(0xF0);
        assertThat(cycle.root()).isEqualTo(0x20);
        // name-past-cell: the nk name length at 0x113C, the vk name length at 0x1156; data-into-baseblock: the
        // data offset of wraps at 0x1164; cell-crosses-bin: the crosser's cell size at 0x1178.
        assertThat(kindAt(layout("name-past-cell"), 0x113C)).isEqualTo(FieldKind.NAME_LENGTH);
        assertThat(kindAt(layout("name-past-cell"), 0x1156)).isEqualTo(FieldKind.NAME_LENGTH);
        assertThat(kindAt(layout("data-into-baseblock"), 0x1164)).isEqualTo(FieldKind.OFFSET);
        assertThat(kindAt(layout("cell-crosses-bin"), 0x1178)).isEqualTo(FieldKind.CELL_SIZE);
        // bigdata-count-mismatch: the db count at 0x117E, and the segment list entries behind it.
        HiveLayout big = layout("bigdata-count-mismatch");
        assertThat(kindAt(big, 0x117E)).isEqualTo(FieldKind.COUNT);
        assertThat(big.fields().indexesOf(FieldKind.OFFSET).length).isGreaterThan(6);
    }

    @Test
    void marvin32MatchesTheHashesWindowsWroteInTheCorpusLogs() throws IOException {
        List<Path> logs;
        try (Stream<Path> walk = Files.walk(TestPaths.corpus())) {
            logs = walk.filter(Files::isRegularFile).filter(SeedCorpus::isLogName).sorted().toList();
        }
        int checked = 0;
        List<String> mismatches = new ArrayList<>();
        for (Path log : logs) {
            byte[] data = Files.readAllBytes(log);
            for (long[] entry : LogLayout.parse(data).entries()) {
                int pos = (int) entry[0];
                long hash1 = Marvin32.hash(data, pos + 40, (int) entry[1] - 40);
                long hash2 = Marvin32.hash(data, pos, 32);
                if (hash1 != le64(data, pos + 24) || hash2 != le64(data, pos + 32)) {
                    mismatches.add(log.getFileName() + " entry at 0x" + Integer.toHexString(pos));
                }
                checked++;
            }
        }
        assertThat(checked).as("new-format log entries in the corpus").isGreaterThan(50);
        // Some corpus logs are deliberately damaged (bad hashes); Windows' own entries must all agree.
        assertThat(mismatches.size()).as(mismatches.toString()).isLessThan(checked / 10);
    }

    @Test
    void aMutantIsRebuiltExactlyFromItsCampaignSeedAndIndex() throws IOException {
        SeedCorpus corpus = SeedCorpus.load(TestPaths.corpus(), TestPaths.testdata(), 1 << 20);
        for (long index : new long[] {0, 1, 12345}) {
            Mutant a = Campaign.mutant(corpus, 7, index);
            Mutant b = Campaign.mutant(corpus, 7, index);
            assertThat(b.seed().name()).isEqualTo(a.seed().name());
            assertThat(b.bytes()).isEqualTo(a.bytes());
            assertThat(b.description()).isEqualTo(a.description()).isNotEmpty();
        }
        assertThat(Mutator.mutate(corpus.seeds().get(0), new SplittableRandom(1)).bytes())
                .isNotEqualTo(corpus.seeds().get(0).bytes());
    }

    private static long le64(byte[] data, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (data[at + i] & 0xFF);
        }
        return v;
    }
}
