package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.Canon;
import org.hivescan.TestPaths;
import org.hivescan.bytes.HiveBytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our own fixtures (testdata/fixtures, made by make_fixtures.py with an independent Python writer): listings,
 * case-insensitive lookup, typed views and storage kinds.
 */
class FixtureTest {
    private static Hive open(String name) throws Exception {
        return Hive.openWithoutReplay(TestPaths.fixtures().resolve(name + ".hive"));
    }

    @TestFactory
    Stream<DynamicTest> listingMatchesWriterExpectation() throws IOException {
        List<Path> expected;
        try (Stream<Path> files = Files.list(TestPaths.fixtures())) {
            expected = files.filter(p -> p.toString().endsWith(".expected.canon")).sorted().toList();
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(9);
        return expected.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replace(".expected.canon", "");
            byte[] want = Files.readAllBytes(file);
            for (HiveBytes bytes : List.of(HiveBytes.open(hivePath(name)), HiveBytes.openPositional(hivePath(name)))) {
                try (Hive hive = Hive.open(bytes, HiveOptions.lenient())) {
                    byte[] got = Canon.of(hive);
                    assertThat(got).as(() -> Canon.firstDifference(want, got)).isEqualTo(want);
                }
            }
        }));
    }

    private static Path hivePath(String name) {
        return TestPaths.fixtures().resolve(name + ".hive");
    }

    @Test
    void lookupIsCaseInsensitiveLikeWindows() throws Exception {
        try (Hive hive = open("names")) {
            assertThat(hive.key("CASE\\alpha")).map(Key::name).contains("Alpha");
            assertThat(hive.key("case\\BETA")).map(Key::name).contains("beta");
            assertThat(hive.key("Case\\gamma")).map(Key::name).contains("GAMMA");
            assertThat(hive.key("Case\\äRGER")).map(Key::name).contains("Ärger");
            assertThat(hive.key("Latin1\\ÿES")).map(Key::name).contains("ÿes");
            assertThat(hive.key("Unicode\\hi\ud800THERE")).map(Key::name).contains("hi\ud800there");
            assertThat(hive.key("Unicode\\SMILE\uD83D\uDE00")).isPresent();
            assertThat(hive.key("Case\\Delta")).isEmpty();
            Key k = hive.key("case").orElseThrow();
            assertThat(k.value("camelcase").flatMap(FixtureTest::dword)).contains(1L);
            assertThat(k.value("ÜNÏCÖDÉ").flatMap(FixtureTest::dword)).contains(4L);
            assertThat(k.className()).contains("CaseClass");
            assertThat(hive.root().value("").flatMap(FixtureTest::string)).contains("root default");
        }
    }

    @Test
    void unsortedListStillFindsEveryKey() throws Exception {
        try (Hive hive = open("unsorted")) {
            for (String parent : List.of("Unsorted", "UnsortedLf", "Sorted")) {
                for (String child : List.of("ZETA", "alpha", "Mike", "bravo")) {
                    assertThat(hive.key(parent + "\\" + child)).as(parent + "\\" + child).isPresent();
                }
            }
        }
    }

    @Test
    void indexRootsAndAllLeafKindsAreFlattenedInOrder() throws Exception {
        try (Hive hive = open("ri")) {
            List<Key> wide = hive.key("Wide").orElseThrow().subkeys();
            assertThat(wide).hasSize(600);
            assertThat(wide.get(0).name()).isEqualTo("Key000");
            assertThat(wide.get(599).name()).isEqualTo("key599");
            assertThat(hive.key("wide\\KEY300")).isPresent();
            assertThat(hive.key("wide\\key300").orElseThrow().value("n").flatMap(FixtureTest::dword)).contains(300L);
            assertThat(hive.key("RiOverLi\\RLI07")).isPresent();
            assertThat(hive.key("RiOverLf\\rlf09")).isPresent();
            assertThat(hive.key("ViaLf\\LF4")).isPresent();
            assertThat(hive.key("ViaLi\\li0")).isPresent();
        }
    }

    @Test
    void typedViewsReadOnlyWhatFitsTheType() throws Exception {
        try (Hive hive = open("values")) {
            Key t = hive.key("Types").orElseThrow();
            assertThat(string(t.value("sz").orElseThrow())).contains("hello");
            assertThat(string(t.value("sz-no-nul").orElseThrow())).contains("no terminator");
            assertThat(string(t.value("sz-garbage").orElseThrow())).contains("ab");
            assertThat(t.value("sz-garbage").orElseThrow().data()).hasSize(11);
            assertThat(string(t.value("sz-inline").orElseThrow())).contains("A");
            assertThat(string(t.value("expand-sz").orElseThrow())).contains("%SystemRoot%\\system32");
            assertThat(dword(t.value("dword").orElseThrow())).contains(0x12345678L);
            assertThat(dword(t.value("dword-2bytes").orElseThrow())).isEmpty();
            assertThat(t.value("dword-2bytes").orElseThrow().data()).containsExactly(0x34, 0x12);
            assertThat(dword(t.value("dword-6bytes").orElseThrow())).isEmpty();
            assertThat(t.value("dword-6bytes").orElseThrow().data()).hasSize(6);
            assertThat(dword(t.value("dword-be").orElseThrow())).contains(0x12345678L);
            assertThat(t.value("qword").orElseThrow().asQword()).contains(0x0123456789ABCDEFL);
            assertThat(t.value("multi-sz").orElseThrow().asMultiString()).contains(List.of("one", "two", "three"));
            assertThat(string(t.value("link").orElseThrow())).contains("\\REGISTRY\\MACHINE\\SOFTWARE\\Target");
            assertThat(t.value("unknown-type").orElseThrow().type()).isEqualTo(0xFFFF0012);
            assertThat(t.value("unknown-type").orElseThrow().knownType()).isNull();
            assertThat(t.value("zero-size").orElseThrow().data()).isEmpty();
            assertThat(t.value("zero-size-cell").orElseThrow().data()).isEmpty();
        }
    }

    @Test
    void bigDataIsReassembledOnlyAboveTheThresholdAndFromVersion14() throws Exception {
        try (Hive hive = open("values")) {
            Key t = hive.key("Types").orElseThrow();
            assertThat(t.value("big-40000").orElseThrow().data()).isEqualTo(pattern(40000, 2));
            assertThat(t.value("exact-16344").orElseThrow().data()).isEqualTo(pattern(16344, 3));
            assertThat(t.value("big-16345").orElseThrow().data()).isEqualTo(pattern(16345, 4));
            assertThat(hive.diagnostics().isEmpty()).isTrue();
        }
        try (Hive hive = open("values13")) {
            byte[] data = hive.key("Data").orElseThrow().value("db-lookalike").orElseThrow().data();
            assertThat(data).hasSize(20000);
            assertThat(data[0]).isEqualTo((byte) 'd');
            assertThat(data[1]).isEqualTo((byte) 'b');
        }
    }

    @Test
    void deepChainsAreWalkedWithFullPaths() throws Exception {
        try (Hive hive = open("deep")) {
            StringBuilder path = new StringBuilder();
            for (int i = 1; i <= 40; i++) {
                path.append(i == 1 ? "" : "\\").append(String.format("L%02d", i));
            }
            Key bottom = hive.key(path.toString()).orElseThrow();
            assertThat(bottom.depth()).isEqualTo(40);
            assertThat(bottom.value("bottom").flatMap(FixtureTest::string)).contains("deepest key");
        }
    }

    @Test
    void dirtyStateIsReportedWithItsReason() throws Exception {
        try (Hive hive = open("bad-checksum")) {
            assertThat(HiveInternals.baseBlock(hive).isDirty()).isTrue();
            assertThat(HiveInternals.baseBlock(hive).dirtyReasons()).singleElement().asString().startsWith("checksum wrong");
        }
        try (Hive hive = open("seq-mismatch")) {
            assertThat(HiveInternals.baseBlock(hive).checksumValid()).isTrue();
            assertThat(HiveInternals.baseBlock(hive).dirtyReasons()).singleElement().asString()
                    .contains("primary 5, secondary 4");
        }
    }

    static byte[] pattern(int n, int seed) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) ((i + seed) % 251);
        }
        return out;
    }

    static java.util.Optional<Long> dword(Value v) {
        try {
            return v.asDword();
        } catch (org.hivescan.bytes.HiveFormatException e) {
            throw new AssertionError(e);
        }
    }

    static java.util.Optional<String> string(Value v) {
        try {
            return v.asString();
        } catch (org.hivescan.bytes.HiveFormatException e) {
            throw new AssertionError(e);
        }
    }
}
