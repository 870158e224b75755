package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.expected;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;
import static org.hivescan.audit.AuditTestSupport.scenarios;
import static org.hivescan.audit.AuditTestSupport.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 2, first point: {@code audit --format json} on each bundled scenario gives the verdicts of its
 * hand-written expected.json (written from tls-rules.md by another engineer, not from our output).
 */
class ScenarioVerdictsTest {
    private static final List<String> RULE_IDS = List.of("OS1", "S1", "S2", "S3", "S4", "S5", "W1", "W2", "W3",
            "W4", "N1", "N2", "N3", "N4", "C1", "C2", "C3", "C4", "X1", "X2", "X3");

    static List<Path> scenarioDirs() {
        return scenarios();
    }

    @Test
    void theIssuesFifteenScenariosArePresent() {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(15);
        for (int n = 1; n <= 15; n++) {
            assertThat(scenario(String.format("%02d-", n))).isDirectory();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioDirs")
    void jsonVerdictsMatchExpectedJson(Path dir) throws IOException {
        JsonNode exp = expected(dir);
        AuditTestSupport.Run r = run("audit", dir.toString(), "--format", "json");
        JsonNode got = r.json();

        Map<String, String> want = new LinkedHashMap<>();
        exp.get("rules").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
        assertThat(verdicts(got)).as("rule verdicts, notes: %s", exp.get("notes")).isEqualTo(want);
        assertThat(got.get("overall").asText()).isEqualTo(exp.get("overall").asText());
        assertThat(got.get("stacks")).as("stacks").isEqualTo(exp.get("stacks"));
        assertThat(got.get("fixable_by_registry").asBoolean()).as("fixable_by_registry")
                .isEqualTo(exp.get("fixable_by_registry").asBoolean());
        assertThat(r.code()).as("exit code for %s", exp.get("overall").asText())
                .isEqualTo(exitCodeFor(exp.get("overall").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioDirs")
    void everyRuleCarriesItsFullResult(Path dir) {
        JsonNode got = run("audit", dir.toString(), "--format", "json").json();
        assertThat(got.get("schema_version").asInt()).isEqualTo(1);
        assertThat(verdicts(got).keySet()).containsExactlyElementsOf(RULE_IDS);
        for (JsonNode rule : got.get("rules")) {
            assertThat(rule.get("severity").asText()).isIn("CRIT", "HIGH", "MED", "INFO");
            assertThat(rule.get("finding").asText()).isNotBlank();
            assertThat(rule.get("remedy").asText()).isNotBlank();
            assertThat(rule.get("reference").asText()).startsWith("https://");
        }
    }

    /** Evidence names the hive, the full key with the control set resolved, the value, and what was found. */
    @Test
    void evidenceShowsValuesAndAssumedDefaults() {
        JsonNode got = run("audit", scenario("01-").toString(), "--format", "json").json();
        JsonNode s1 = AuditTestSupport.rule(got, "S1");
        assertThat(s1.get("evidence")).anySatisfy(e -> {
            assertThat(e.get("hive").asText()).isEqualTo("SYSTEM");
            assertThat(e.get("key").asText()).isEqualTo("HKLM\\SYSTEM\\ControlSet001\\Control\\SecurityProviders"
                    + "\\SCHANNEL\\Protocols\\TLS 1.2\\Client");
            assertThat(e.get("value").asText()).isEqualTo("DisabledByDefault");
            assertThat(e.get("found").asBoolean()).isFalse();
            assertThat(e.get("assumed").asText()).contains("DISABLED_BY_DEFAULT").contains("7601");
            assertThat(e.get("reason").asText()).isNotBlank();
        });
        JsonNode w1 = AuditTestSupport.rule(run("audit", scenario("11-").toString(), "--format", "json").json(), "W1");
        assertThat(w1.get("evidence")).anySatisfy(e -> {
            assertThat(e.get("value").asText()).isEqualTo("DefaultSecureProtocols");
            assertThat(e.get("type").asText()).isEqualTo("REG_QWORD");
            assertThat(e.get("data").asText()).contains("0x0000000000000A00");
        });
    }

    /** Scenario 13: Select\Current=2, so every SYSTEM reading is in ControlSet002, never ControlSet001. */
    @Test
    void selectCurrentDecidesTheControlSet() {
        JsonNode got = run("audit", scenario("13-").toString(), "--format", "json").json();
        assertThat(got.get("host").get("control_set").asText()).isEqualTo("ControlSet002");
        int systemReadings = 0;
        for (JsonNode rule : got.get("rules")) {
            for (JsonNode e : rule.get("evidence")) {
                String key = e.get("key").asText();
                assertThat(key).doesNotContain("ControlSet001");
                if (key.startsWith("HKLM\\SYSTEM\\ControlSet")) {
                    assertThat(key).startsWith("HKLM\\SYSTEM\\ControlSet002\\");
                    systemReadings++;
                }
            }
        }
        assertThat(systemReadings).isGreaterThan(10);
    }

    @Test
    void hostFactsOfWindows11ComeFromTheBuildNotProductName() {
        JsonNode host = run("audit", scenario("09-").toString(), "--format", "json").json().get("host");
        assertThat(host.get("product_name").asText()).startsWith("Windows 10");
        assertThat(host.get("windows").asText()).isEqualTo("Windows 11 23H2");
        assertThat(host.get("build").asInt()).isEqualTo(22631);
        assertThat(host.get("ubr").asInt()).isEqualTo(4460);
        assertThat(host.get("installation_type").asText()).isEqualTo("Client");
        assertThat(host.get("architecture").asText()).isEqualTo("AMD64");
        assertThat(host.get("dotnet").get("version").asText()).isEqualTo("4.8.1");
    }

    static int exitCodeFor(String overall) {
        return switch (overall) {
            case "READY" -> 0;
            case "NOT READY" -> 1;
            default -> 4;
        };
    }
}
