package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.shared;
import static org.hivescan.audit.AuditTestSupport.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 3: {@code audit --system} on every real SYSTEM hive of shared/corpus (FACTS.tsv, read with
 * independent tools). Host facts must match FACTS.tsv; without SOFTWARE the build-dependent rules are UNKNOWN
 * with the reason; with the build from FACTS.tsv the SChannel rules follow the §2b tables.
 */
class RealHivesTest {
    /** One FACTS.tsv row of kind SYSTEM. */
    record Fact(String relpath, int build, String computerName, String arch, String controlSet) {
        Path file() {
            return shared().resolve("corpus").resolve(relpath);
        }

        @Override
        public String toString() {
            return relpath;
        }
    }

    /**
     * S1-S4 with --os-build, derived by hand from tls-rules.md §2b for these hives. None of them holds a TLS 1.x
     * Enabled/DisabledByDefault value (checked with hivexregedit --export of SCHANNEL\Protocols; only
     * SSL 2.0\Client DisabledByDefault=1 in the first two), so the OS defaults decide:
     * 7601: TLS 1.2 D/D so S1, S2 FAIL; SSL 3.0 and TLS 1.0 E so S4 WARN.
     * 9600 and 16299: TLS 1.2 E/E so S1, S2 PASS; TLS 1.0/1.1 E so S4 WARN. TLS 1.3 is NS before 20348: S3 N/A.
     */
    private static final Map<Integer, Map<String, String>> SCHANNEL_BY_BUILD = Map.of(
            7601, Map.of("S1", "FAIL", "S2", "FAIL", "S3", "N/A", "S4", "WARN"),
            9600, Map.of("S1", "PASS", "S2", "PASS", "S3", "N/A", "S4", "WARN"),
            16299, Map.of("S1", "PASS", "S2", "PASS", "S3", "N/A", "S4", "WARN"));

    static List<Fact> systemHives() throws IOException {
        List<String> lines = Files.readAllLines(shared().resolve("corpus/FACTS.tsv"));
        List<String> head = List.of(lines.get(0).split("\t"));
        List<Fact> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (!f[head.indexOf("kind")].equals("SYSTEM")) {
                continue;
            }
            out.add(new Fact(f[head.indexOf("relpath")], build(f[head.indexOf("os_inferred")]),
                    f[head.indexOf("computer_name")], f[head.indexOf("arch")],
                    f[head.indexOf("current_control_set")]));
        }
        return out;
    }

    /** "Windows 7 SP1 (6.1.7601.17514) x86" gives 7601; "Windows 10 1709 (10.0.16299) x64" gives 16299. */
    static int build(String osInferred) {
        Matcher m = Pattern.compile("\\((\\d+)\\.(\\d+)\\.(\\d+)").matcher(osInferred);
        if (!m.find()) {
            throw new AssertionError("no version in " + osInferred);
        }
        return Integer.parseInt(m.group(3));
    }

    @Test
    void factsListTheThreeRealSystemHives() throws IOException {
        assertThat(systemHives()).extracting(Fact::build).containsExactly(7601, 9600, 16299);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systemHives")
    void hostFactsMatchFactsTsv(Fact fact) {
        AuditTestSupport.Run r = run("audit", "--system", fact.file().toString(), "--format", "json");
        JsonNode host = r.json().get("host");
        assertThat(host.get("computer_name").asText()).isEqualTo(fact.computerName());
        assertThat(host.get("architecture").asText()).isEqualTo(fact.arch());
        assertThat(host.get("control_set").asText()).isEqualTo(fact.controlSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systemHives")
    void withoutSoftwareBuildDependentRulesAreUnknownWithTheReason(Fact fact) {
        AuditTestSupport.Run r = run("audit", "--system", fact.file().toString(), "--format", "json");
        JsonNode report = r.json();
        assertThat(r.code()).isEqualTo(4);
        assertThat(report.get("overall").asText()).isEqualTo("UNKNOWN");
        assertThat(report.get("host").get("build").isNull()).isTrue();
        for (String id : List.of("OS1", "S1", "S2", "S3", "S4", "X3")) {
            JsonNode rule = AuditTestSupport.rule(report, id);
            assertThat(rule.get("verdict").asText()).as(id).isEqualTo("UNKNOWN");
            assertThat(rule.get("finding").asText()).as(id).contains("build is unknown").contains("--os-build");
        }
        boolean x86 = fact.arch().equalsIgnoreCase("x86");
        JsonNode w2 = AuditTestSupport.rule(report, "W2");
        assertThat(w2.get("verdict").asText()).as("W2 applies to x64/ARM64 only (§9.1)")
                .isEqualTo(x86 ? "N/A" : "UNKNOWN");
        for (String id : List.of("W1", "N1", "N2", "C1")) {
            JsonNode rule = AuditTestSupport.rule(report, id);
            assertThat(rule.get("verdict").asText()).as(id).isEqualTo("UNKNOWN");
            assertThat(rule.get("finding").asText()).as(id).contains("SOFTWARE");
        }
        assertThat(verdicts(report)).containsEntry("C2", "PASS").containsEntry("X2", "PASS");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systemHives")
    void withOsBuildSchannelFollowsTheDefaultTables(Fact fact) {
        AuditTestSupport.Run r = run("audit", "--system", fact.file().toString(), "--os-build",
                Integer.toString(fact.build()), "--format", "json");
        JsonNode report = r.json();
        assertThat(report.get("host").get("build").asInt()).isEqualTo(fact.build());
        assertThat(report.get("host").get("build_source").asText()).isEqualTo("--os-build");
        assertThat(verdicts(report)).containsAllEntriesOf(SCHANNEL_BY_BUILD.get(fact.build()));
        assertThat(AuditTestSupport.rule(report, "S1").get("evidence")).anySatisfy(e ->
                assertThat(e.get("assumed").asText()).contains("build " + fact.build()));
        assertThat(AuditTestSupport.rule(report, "OS1").get("verdict").asText()).isEqualTo("PASS");
    }

    /** The corpus also holds a deliberately corrupt XP SYSTEM hive: the audit must end with a verdict, not crash. */
    @Test
    void aCorruptSystemHiveEndsInAnOrderlyExitCode() {
        Path corrupt = shared().resolve("corpus/mkorman90_regipy/regipy_tests/data/corrupted_system_hive");
        AuditTestSupport.Run r = run("audit", "--system", corrupt.toString(), "--os-build", "2600");
        assertThat(r.code()).as(r.err()).isIn(1, 3, 4);
        assertThat(r.err()).doesNotContain("internal error");
    }
}
