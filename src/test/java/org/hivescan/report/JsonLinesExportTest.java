package org.hivescan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON Lines export writes its bytes itself, for speed; Jackson, through {@link Json#writeKey} (what
 * {@code ls --json} and {@code cat --json} use), is the independent reference. Every readable hive of the corpus and
 * of our fixtures (Latin-1, non-BMP, unpaired-surrogate and hostile names) must come out byte for byte the same.
 */
class JsonLinesExportTest {
    /** The export as the Jackson generator writes it: one object per key, a newline after each. */
    static byte[] jacksonRendering(Hive hive, Key start, String mount) throws IOException, HiveFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jacksonRendering(hive, start, mount, out);
        return out.toByteArray();
    }

    static void jacksonRendering(Hive hive, Key start, String mount, java.io.OutputStream out)
            throws IOException, HiveFormatException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setRootValueSeparator(new SerializedString("\n"));
            hive.walkFrom(start, new HiveVisitor() {
                @Override
                public boolean key(Key key) throws HiveFormatException, IOException {
                    Json.writeKey(g, key, RegExport.fullPath(mount, key), true);
                    return true;
                }

                @Override
                public boolean wantsValues() {
                    return false;
                }
            });
            g.writeRaw('\n');
        }
    }

    static byte[] export(Hive hive, Key start, String mount) throws IOException, HiveFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesExport.write(hive, start, mount, out);
        return out.toByteArray();
    }

    static List<Path> hives() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(TestPaths.corpus(), TestPaths.fixtures(), TestPaths.testdata().resolve("hardening"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).filter(JsonLinesExportTest::mayBeHive).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static boolean mayBeHive(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.endsWith(".tsv") && !name.endsWith(".py") && !name.endsWith(".md") && !name.endsWith(".canon")
                && !name.contains(".log") && !name.endsWith(".txt");
    }

    /** What an export wrote and how it ended: null when it finished, else the message it stopped with. */
    record Outcome(String text, String error) {
    }

    interface Rendering {
        void write(Hive hive, ByteArrayOutputStream out) throws IOException, HiveFormatException;
    }

    /** Null when the file does not open as a hive (not a hive, or damaged past reading). */
    static Outcome outcome(Path file, Rendering rendering) throws IOException {
        Hive hive;
        try {
            hive = Hive.openWithoutReplay(file);
        } catch (HiveFormatException notAHive) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String error = null;
        try (hive) {
            rendering.write(hive, out);
        } catch (HiveFormatException e) {
            error = e.getMessage();
        }
        return new Outcome(out.toString(StandardCharsets.ISO_8859_1), error);
    }

    @TestFactory
    Stream<DynamicTest> sameBytesAsJacksonOnEveryReadableHive() throws IOException {
        List<Path> hives = hives();
        assertThat(hives).hasSizeGreaterThan(150);
        return hives.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Outcome jackson = outcome(file, (h, out) -> jacksonRendering(h, h.root(), "HKLM\\X", out));
            if (jackson == null) {
                return; // CorpusRobustnessTest covers files that do not open
            }
            // Jackson closes the objects a failed walk left open; the export keeps whole lines only.
            Outcome expected = jackson.error() == null ? jackson : new Outcome(
                    jackson.text().substring(0, jackson.text().lastIndexOf('\n') + 1), jackson.error());
            Outcome ours = outcome(file, (h, out) -> JsonLinesExport.write(h, h.root(), "HKLM\\X", out));
            assertThat(ours).isEqualTo(expected);
        }));
    }

    @Test
    void anExportThatStopsLeavesOnlyWholeLines() throws Exception {
        // Twenty keys share one list of many values: the value budget stops the walk part-way (issue 5).
        Path shared = TestPaths.testdata().resolve("hardening/shared-lists.hive");
        Outcome ours = outcome(shared, (h, out) -> JsonLinesExport.write(h, h.root(), "HKLM", out));
        assertThat(ours.error()).contains("shared value lists");
        assertThat(ours.text()).isNotEmpty().endsWith("\n");
        for (String line : ours.text().split("\n")) {
            assertThat(Json.MAPPER.readTree(line).get("path")).isNotNull();
        }
    }

    @Test
    void subtreeExportKeepsFullPaths() throws Exception {
        for (String fixture : List.of("names.hive", "empty-name.hive", "deep.hive")) {
            try (Hive hive = Hive.openWithoutReplay(TestPaths.fixtures().resolve(fixture))) {
                for (Key child : hive.root().subkeys()) {
                    assertThat(new String(export(hive, child, "HKEY_USERS\\S"), StandardCharsets.ISO_8859_1))
                            .isEqualTo(new String(jacksonRendering(hive, child, "HKEY_USERS\\S"),
                                    StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    @Test
    void aFirstLevelKeyWithAnEmptyNameShowsTheMountPoint() throws Exception {
        try (Hive hive = Hive.openWithoutReplay(TestPaths.fixtures().resolve("empty-name.hive"))) {
            String[] lines = new String(export(hive, hive.root(), "HKLM\\X"), StandardCharsets.UTF_8).split("\n");
            assertThat(Json.MAPPER.readTree(lines[1]).get("path").asText()).isEqualTo("HKLM\\X");
            assertThat(Json.MAPPER.readTree(lines[2]).get("path").asText()).isEqualTo("HKLM\\X\\\\Child");
        }
    }

    @Test
    void escapesEveryUtf16UnitAsJacksonDoes() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        String text = all.toString();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        JsonBytes json = new JsonBytes(ours);
        json.string(text).ascii(' ').string(null).ascii(' ').string("");
        for (long n : new long[] {0, 7, 9, 10, 99, 100, 4096, 4294967295L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            json.ascii(' ').number(n);
        }
        byte[] utf16 = text.substring(1, 300).getBytes(StandardCharsets.UTF_16LE);
        json.ascii(' ').utf16(utf16, 0, utf16.length);
        json.flush();

        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(theirs)) {
            g.setRootValueSeparator(new SerializedString(" "));
            g.writeString(text);
            g.writeNull();
            g.writeString("");
            for (long n : new long[] {0, 7, 9, 10, 99, 100, 4096, 4294967295L, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
                g.writeNumber(n);
            }
            g.writeString(text.substring(1, 300));
        }
        assertThat(ours.toString(StandardCharsets.ISO_8859_1)).isEqualTo(theirs.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void longStringsAndDataCrossTheBufferBoundary() throws Exception {
        String text = "a\"\\\u00e9\ud83d".repeat(40_000);
        byte[] data = new byte[300_000];
        new java.util.Random(5).nextBytes(data);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        JsonBytes json = new JsonBytes(ours);
        json.string(text).ascii(' ').hex(data);
        json.flush();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(theirs)) {
            g.setRootValueSeparator(new SerializedString(" "));
            g.writeString(text);
            g.writeString(java.util.HexFormat.of().formatHex(data));
        }
        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray());
    }
}
