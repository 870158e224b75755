package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hivescan scan} over a generated fleet of about 60 hosts (every layout of testdata/fleet/make_fleet.py,
 * disk images included): every host found and paired as the fleet manifest says, verdicts equal to each scenario's expected.json, errors
 * isolated, and summary.csv read back by an independent RFC 4180 parser.
 */
class FleetScanTest {
    @TempDir
    static Path tmp;
    static Path fleet;
    static Path out;
    static Fleets.Run run;
    static Map<String, JsonNode> bySource = new HashMap<>();
    static List<JsonNode> lines;

    @BeforeAll
    static void scan() throws Exception {
        fleet = Fleets.make(tmp.resolve("fleet"), 60, false);
        out = tmp.resolve("out");
        run = Fleets.cli("scan", fleet.toString(), "--out", out.toString(), "--jobs", "2");
        lines = Fleets.lines(out.resolve("hosts.jsonl"));
        for (JsonNode line : lines) {
            for (String role : List.of("system", "software")) {
                JsonNode src = line.path("sources").path(role);
                if (src.isObject()) {
                    bySource.put(relative(src.path("path").asText()), line);
                }
            }
        }
    }

    private static String relative(String path) {
        String prefix = fleet.toString() + "/";
        assertThat(path).startsWith(prefix);
        return path.substring(prefix.length());
    }

    private static Stream<JsonNode> manifest(String expect) throws IOException {
        List<JsonNode> hosts = new ArrayList<>();
        Fleets.manifest(fleet).forEach(hosts::add);
        return hosts.stream().filter(h -> expect == null || h.path("expect").asText().equals(expect)
                || (expect.equals("scenario") && h.path("expect").asText().matches("\\d\\d-.*")));
    }

    /** The host line holding a manifest entry's hives: the same line for both, and no other hive in it. */
    private static JsonNode hostOf(JsonNode entry) {
        JsonNode line = null;
        for (String role : List.of("system", "software")) {
            if (entry.path(role).isTextual()) {
                JsonNode found = bySource.get(entry.path(role).asText());
                assertThat(found).as("host of %s", entry.path(role).asText()).isNotNull();
                assertThat(line == null || line == found).as("%s paired in one host", entry.path("label")).isTrue();
                line = found;
                assertThat(relative(found.path("sources").path(role).path("path").asText()))
                        .isEqualTo(entry.path(role).asText());
            } else {
                assertThat(line == null ? null : line.path("sources").path(role).isNull()).isNotEqualTo(false);
            }
        }
        return line;
    }

    @Test
    void everyHostIsFoundOnceAndNothingElse() throws IOException {
        assertThat(lines).hasSize(Fleets.manifest(fleet).size());
        assertThat(lines.stream().map(l -> l.path("host_id").asText()).distinct()).hasSize(lines.size());
        assertThat(run.out()).contains(out.resolve("report.html").toString());
    }

    @Test
    void scenarioHostsArePairedAndGetTheExpectedVerdicts() throws IOException {
        List<JsonNode> hosts = manifest("scenario").toList();
        assertThat(hosts).hasSizeGreaterThan(40);
        for (JsonNode h : hosts) {
            JsonNode line = hostOf(h);
            assertThat(line.path("sources").path("system").isObject()).isTrue();
            assertThat(line.path("sources").path("software").isObject()).isTrue();
            assertThat(line.path("name").asText()).as(h.path("label").asText()).isEqualTo(h.path("name").asText());
            assertMatchesExpected(audited(line), h.path("scenario").asText());
        }
    }

    /** The line that carries the audit: the host's own, or the one it duplicates. */
    private static JsonNode audited(JsonNode line) {
        if (!line.path("status").asText().equals("DUPLICATE")) {
            return line;
        }
        return lines.stream().filter(l -> l.path("host_id").asText().equals(line.path("duplicate_of").asText()))
                .findFirst().orElseThrow();
    }

    private static void assertMatchesExpected(JsonNode line, String scenario) throws IOException {
        JsonNode expected = Fleets.expected(scenario);
        JsonNode audit = line.path("audit");
        String what = scenario + " at " + line.path("sources").path("system").path("path").asText();
        assertThat(line.path("status").asText()).as(what).isEqualTo(expected.path("overall").asText());
        assertThat(audit.path("overall").asText()).as(what).isEqualTo(expected.path("overall").asText());
        Map<String, String> verdicts = new HashMap<>();
        audit.path("rules").forEach(r -> verdicts.put(r.path("id").asText(), r.path("verdict").asText()));
        expected.path("rules").fields().forEachRemaining(e -> assertThat(verdicts.get(e.getKey()))
                .as(what + " rule " + e.getKey()).isEqualTo(e.getValue().asText()));
        expected.path("stacks").fields().forEachRemaining(e -> assertThat(audit.path("stacks").path(e.getKey()))
                .as(what + " stack " + e.getKey()).isEqualTo(e.getValue()));
    }

    @Test
    void layoutsAreAllCovered() throws IOException {
        List<String> labels = manifest("scenario").map(h -> h.path("label").asText()).toList();
        assertThat(labels).anyMatch(l -> l.startsWith("trees/")).anyMatch(l -> l.startsWith("pairs/"))
                .anyMatch(l -> l.startsWith("zips/kape-")).anyMatch(l -> l.startsWith("zips/velo-"))
                .anyMatch(l -> l.startsWith("loose/")).anyMatch(l -> l.startsWith("images/"));
        JsonNode kape = bySource.get("zips/kape-0.zip!C%3A/Windows/System32/config/SYSTEM");
        assertThat(kape.path("sources").path("system").path("type").asText()).isEqualTo("zip_member");
    }

    @Test
    void eachWindowsInstallationOfADiskImageIsAHostNamedByItsPartition() throws IOException {
        List<JsonNode> images = manifest("scenario").filter(h -> h.path("label").asText().startsWith("images/"))
                .toList();
        assertThat(images).extracting(h -> h.path("label").asText())
                .containsExactly("images/win-0.raw", "images/win-1.vhdx");
        for (JsonNode h : images) {
            JsonNode line = hostOf(h);
            JsonNode system = line.path("sources").path("system");
            assertThat(system.path("type").asText()).isEqualTo("image_file");
            assertThat(system.path("member").asText()).isEqualTo("/Windows/System32/config/SYSTEM");
            // win-0 is MBR with System Reserved first, so Windows is on partition 2; win-1 is GPT, partition 1.
            assertThat(system.path("partition").asInt()).isEqualTo(h.path("label").asText().endsWith(".raw") ? 2 : 1);
            assertThat(line.path("name").asText()).isEqualTo(h.path("name").asText());
            assertMatchesExpected(line, h.path("scenario").asText());
        }
    }

    @Test
    void dirtyHivesInImagesAndZipsAreReplayedFromTheLogsBesideThem() throws IOException {
        List<JsonNode> dirty = manifest("scenario").filter(h -> h.path("dirty").asBoolean()).toList();
        assertThat(dirty).extracting(h -> h.path("label").asText())
                .containsExactlyInAnyOrder("zips/kape-1.zip", "images/win-1.vhdx");
        for (JsonNode h : dirty) {
            JsonNode line = hostOf(h);
            JsonNode system = line.path("audit").path("hives").get(0);
            assertThat(system.path("role").asText()).isEqualTo("SYSTEM");
            assertThat(system.path("dirty").asBoolean()).isTrue();
            assertThat(system.path("logs_applied").asBoolean()).as(system.toString()).isTrue();
            assertThat(line.path("sources").path("system").path("logs").get(0).asText()).endsWith("/SYSTEM.LOG1");
            // The primary holds the name as XXXX; only the replayed log gives the real one.
            assertThat(line.path("name").asText()).isEqualTo(h.path("name").asText()).doesNotContain("XXXX");
            assertMatchesExpected(line, h.path("scenario").asText());
        }
    }

    @Test
    void identicalHostsAreAuditedOnceAndReportedAsDuplicates() throws IOException {
        for (JsonNode copy : manifest("DUPLICATE").toList()) {
            JsonNode a = hostOf(copy);
            String original = "loose/" + copy.path("label").asText().replace("dups/copy-of-", "");
            JsonNode b = bySource.get(original + "/SYSTEM");
            JsonNode dup = a.path("status").asText().equals("DUPLICATE") ? a : b;
            JsonNode kept = dup == a ? b : a;
            assertThat(dup.path("status").asText()).isEqualTo("DUPLICATE");
            assertThat(dup.path("duplicate_of").asText()).isEqualTo(kept.path("host_id").asText());
            assertThat(dup.path("audit").isNull()).isTrue();
            assertMatchesExpected(kept, copy.path("scenario").asText());
            assertThat(kept.path("sources").path("system").path("sha256").asText()).hasSize(64)
                    .isEqualTo(dup.path("sources").path("system").path("sha256").asText());
        }
    }

    @Test
    void partialAndAmbiguousHostsStandAlone() throws IOException {
        for (JsonNode h : manifest("PARTIAL").toList()) {
            JsonNode line = hostOf(h);
            assertThat(line.path("status").asText()).isIn("UNKNOWN", "NOT READY");
            assertThat(line.path("notes").toString()).contains("partial host");
            assertThat(line.path("name").asText()).isEqualTo(h.path("name").asText());
        }
        List<JsonNode> ambiguous = manifest("AMBIGUOUS").toList();
        assertThat(ambiguous).hasSize(3);
        for (JsonNode h : ambiguous) {
            JsonNode line = hostOf(h);
            assertThat(line.path("status").asText()).isNotEqualTo("ERROR");
            assertThat(line.path("notes").toString()).contains("ambiguous folder").contains("not merged");
        }
        assertThat(run.out()).contains("1 ambiguous folder(s) not merged");
    }

    @Test
    void errorsAreIsolatedRowsWithTheirReason() throws IOException {
        Map<String, String> reasons = Map.of("errors/truncated", "truncated", "errors/not-a-hive", "not a hive",
                "errors/broken.vhdx", "disk image");
        for (JsonNode h : manifest("ERROR").toList()) {
            JsonNode line = hostOf(h);
            assertThat(line.path("status").asText()).isEqualTo("ERROR");
            assertThat(line.path("error").asText()).contains(reasons.get(h.path("label").asText()));
            assertThat(line.path("audit").isNull()).isTrue();
        }
        assertThat(run.exit()).isEqualTo(3);
        assertThat(lines.stream().filter(l -> l.path("status").asText().equals("ERROR"))).hasSize(3);
    }

    @Test
    void hostileNamesStayDataAndTheVerdictStands() throws IOException {
        JsonNode h = manifest("HOSTILE").findFirst().orElseThrow();
        JsonNode line = hostOf(h);
        assertThat(line.path("name").asText()).isEqualTo(h.path("name").asText());
        assertMatchesExpected(line, h.path("scenario").asText());
    }

    @Test
    void summaryCsvParsesAndMatchesTheHostLines() throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve("summary.csv"), StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(in)) {
            List<String> header = csv.getHeaderNames();
            assertThat(header).startsWith("host_id", "name", "os", "build", "architecture", "verdict")
                    .contains("winhttp", "dotnet", "S1", "W1", "N1", "C1", "error");
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows).hasSize(lines.size());
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord r = rows.get(i);
                JsonNode line = lines.get(i);
                assertThat(r.size()).isEqualTo(header.size());
                assertThat(r.get("host_id")).isEqualTo(line.path("host_id").asText());
                assertThat(r.get("verdict")).isEqualTo(line.path("status").asText());
                assertThat(r.get("build")).isEqualTo(line.path("audit").path("host").path("build_text").asText(""));
                for (JsonNode rule : line.path("audit").path("rules")) {
                    assertThat(r.get(rule.path("id").asText())).isEqualTo(rule.path("verdict").asText());
                }
                assertThat(r.get("name")).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
                if (line.path("name").asText().startsWith("=")) {
                    assertThat(r.get("name")).isEqualTo("'" + line.path("name").asText());
                }
            }
        }
    }

    @Test
    void fixFilesAreWrittenForHostsTheRegistryCanFix() throws IOException {
        int seen = 0;
        for (JsonNode h : manifest("scenario").toList()) {
            JsonNode expected = Fleets.expected(h.path("scenario").asText());
            JsonNode line = audited(hostOf(h));
            String folder = line.path("fixes").path("folder").asText(null);
            boolean fixable = expected.path("overall").asText().equals("NOT READY")
                    && expected.path("fixable_by_registry").asBoolean();
            assertThat(folder != null).as(h.path("label").asText()).isEqualTo(fixable);
            if (fixable) {
                seen++;
                try (Stream<Path> files = Files.list(out.resolve(folder))) {
                    List<String> names = files.map(p -> p.getFileName().toString()).toList();
                    assertThat(names).isNotEmpty().allMatch(n -> n.equals("SYSTEM.reg") || n.equals("SOFTWARE.reg"));
                    for (String n : names) {
                        assertThat(Files.readString(out.resolve(folder).resolve(n), StandardCharsets.US_ASCII))
                                .startsWith("Windows Registry Editor Version 5.00");
                    }
                }
            }
        }
        assertThat(seen).isGreaterThan(5);
    }

    @Test
    void aSecondScanIntoTheSameFolderIsRefusedWithoutForce() {
        Fleets.Run again = Fleets.cli("scan", fleet.toString(), "--out", out.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists").contains("--resume").contains("--force");
    }
}
