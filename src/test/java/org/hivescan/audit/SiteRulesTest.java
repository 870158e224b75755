package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;
import static org.hivescan.audit.AuditTestSupport.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hivescan.audit.model.RuleSet;
import org.hivescan.audit.model.RuleSetLoader;
import org.hivescan.audit.model.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules are data: the built-in rule file, {@code hivescan rules}, and --rules FILE adding and overriding rules
 * with the generic check kinds only. The generic verdicts below are derived by hand from scenario 10's
 * SOFTWARE.reg / SYSTEM.reg (Windows 10 22H2, FIPS on, policy SecureProtocols 0xA80).
 */
class SiteRulesTest {
    @TempDir
    Path tmp;

    @Test
    void builtInRulesAreTheKnowledgeBaseRulesInOrder() {
        RuleSet set = RuleSetLoader.builtIn();
        assertThat(set.schemaVersion()).isEqualTo(1);
        assertThat(set.rulesVersion()).isNotBlank();
        assertThat(set.rules()).extracting(RuleSpec::id).containsExactly("OS1", "S1", "S2", "S3", "S4", "S5",
                "W1", "W2", "W3", "W4", "N1", "N2", "N3", "N4", "C1", "C2", "C3", "C4", "X1", "X2", "X3");
        assertThat(set.tables().cipherSuites().m365Tls12()).hasSize(8);
        assertThat(set.tables().cipherSuites().afdTls12()).hasSize(6);
        assertThat(set.stacks()).extracting(s -> s.id())
                .containsExactly("winhttp", "dotnet", "wininet");
    }

    @Test
    void rulesCommandListsTheRulesInEffect() {
        AuditTestSupport.Run r = run("rules");
        assertThat(r.code()).isZero();
        for (String id : List.of("OS1", "S5", "W3", "N4", "C4", "X3")) {
            assertThat(r.out()).containsPattern("(?m)^" + id + " ");
        }
        JsonNode json = run("rules", "--format", "json").json();
        assertThat(json.get("rules")).hasSize(21);
        assertThat(json.get("rules").get(1).get("reference").asText()).startsWith("https://");
    }

    @Test
    void aSiteFileOverridesAddsAndDisablesRules() throws IOException {
        Path site = write("""
                rules:
                  - id: S4
                    enabled: false
                  - id: X3
                    severity: MED
                  - id: SITE1
                    title: FIPS must stay off on this site
                    severity: HIGH
                    hives: [SYSTEM]
                    remedy: Ask the security team.
                    reference: https://example.org/site-policy
                    check: {kind: dword_equals, path: 'CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy',
                            value: Enabled, equals: 0, when_absent: PASS}
                stacks:
                  - id: site_policy
                    title: Site policy
                    rules: [SITE1]
                """);
        JsonNode fips = run("audit", scenario("10-").toString(), "--rules", site.toString(), "--format", "json").json();
        Map<String, String> v = verdicts(fips);
        assertThat(v).doesNotContainKey("S4").containsEntry("SITE1", "FAIL").containsEntry("X2", "WARN");
        assertThat(AuditTestSupport.rule(fips, "X3").get("severity").asText()).isEqualTo("MED");
        assertThat(AuditTestSupport.rule(fips, "SITE1").get("origin").asText()).contains("site file");
        assertThat(fips.get("stacks").get("site_policy").asBoolean()).isFalse();
        assertThat(fips.get("overall").asText()).as("scenario 10 is READY without the site rule")
                .isEqualTo("NOT READY");
        assertThat(fips.get("rules_customized").asBoolean()).isTrue();

        JsonNode clean = run("audit", scenario("05-").toString(), "--rules", site.toString(), "--format", "json")
                .json();
        assertThat(verdicts(clean)).containsEntry("SITE1", "PASS");
        assertThat(run("rules", "--rules", site.toString()).out()).contains("SITE1").contains("site file");
    }

    @Test
    void everyGenericKindWorksFromASiteFile() throws IOException {
        Path site = write("""
                rules:
                  - {id: G01, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: value_present, path: 'Microsoft\\Windows NT\\CurrentVersion', value: DisplayVersion}}
                  - {id: G02, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: value_absent, path: 'Microsoft\\Windows NT\\CurrentVersion', value: CSDVersion}}
                  - {id: G03, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: value_absent, path: 'Microsoft\\Windows NT\\CurrentVersion', value: UBR}}
                  - {id: G04, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: key_exists, path: 'Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002'}}
                  - {id: G05, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: key_exists, path: 'Microsoft\\NET Framework Setup\\NDP\\v3.5'}}
                  - {id: G06, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: dword_equals, path: 'Microsoft\\Windows NT\\CurrentVersion', value: UBR, equals: 0x147f}}
                  - {id: G07, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: dword_equals, path: 'Microsoft\\Windows NT\\CurrentVersion', value: CurrentBuild, equals: 19045, when_invalid: WARN}}
                  - {id: G08, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: bitmask, path: 'Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings', value: SecureProtocols, mask: 0x800, match: all}}
                  - {id: G09, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: bitmask, path: 'Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings', value: SecureProtocols, mask: 0x2800, match: all}}
                  - {id: G10, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: bitmask, path: 'Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings', value: SecureProtocols, mask: 0x28, match: none}}
                  - {id: G11, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: bitmask, path: 'Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings', value: SecureProtocols, mask: 0x28, match: any, when_mismatch: WARN}}
                  - {id: G12, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: number_compare, path: 'Microsoft\\NET Framework Setup\\NDP\\v4\\Full', value: Release, op: '>', number: 528040}}
                  - {id: G13, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: number_compare, path: 'Microsoft\\NET Framework Setup\\NDP\\v4\\Full', value: Release, op: '<', number: 394802}}
                  - {id: G14, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: string_equals, path: 'Microsoft\\Windows NT\\CurrentVersion', value: InstallationType, equals: client}}
                  - {id: G15, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: string_equals, path: 'Microsoft\\Windows NT\\CurrentVersion', value: InstallationType, equals: client, ignore_case: false}}
                  - {id: G16, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: string_regex, path: 'Microsoft\\Windows NT\\CurrentVersion', value: ProductName, pattern: '^Windows 10 '}}
                  - {id: G17, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: string_regex, path: 'Microsoft\\Windows NT\\CurrentVersion', value: ProductName, pattern: 'Server'}}
                  - {id: G18, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: version_at_least, path: 'Microsoft\\NET Framework Setup\\NDP\\v4\\Full', value: Version, version: '4.8'}}
                  - {id: G19, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: version_at_least, path: 'Microsoft\\NET Framework Setup\\NDP\\v4\\Full', value: Version, version: '4.9'}}
                  - {id: G20, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: dword_equals, path: 'Microsoft\\.NETFramework\\v4.0.30319', views: both, value: SchUseStrongCrypto, equals: 1}}
                  - {id: G21, title: t, severity: INFO, hives: [SYSTEM], check: {kind: dword_equals, path: 'CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy', value: Enabled, equals: 1}}
                  - {id: G22, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: any_of, checks: [{kind: key_exists, path: 'Nope'}, {kind: value_present, path: 'Microsoft\\Windows NT\\CurrentVersion', value: UBR}]}}
                  - {id: G23, title: t, severity: INFO, hives: [SOFTWARE], check: {kind: value_present, path: 'Microsoft\\Windows NT\\CurrentVersion', value: UBR, applies_if: {kind: key_exists, path: 'Microsoft\\NET Framework Setup\\NDP\\v3.5'}}}
                """);
        JsonNode report = run("audit", scenario("10-").toString(), "--rules", site.toString(), "--format", "json")
                .json();
        assertThat(verdicts(report)).containsAllEntriesOf(Map.ofEntries(
                Map.entry("G01", "PASS"), Map.entry("G02", "PASS"), Map.entry("G03", "FAIL"),
                Map.entry("G04", "PASS"), Map.entry("G05", "FAIL"), Map.entry("G06", "PASS"),
                Map.entry("G07", "WARN"), Map.entry("G08", "PASS"), Map.entry("G09", "FAIL"),
                Map.entry("G10", "PASS"), Map.entry("G11", "WARN"), Map.entry("G12", "PASS"),
                Map.entry("G13", "FAIL"), Map.entry("G14", "PASS"), Map.entry("G15", "FAIL"),
                Map.entry("G16", "PASS"), Map.entry("G17", "FAIL"), Map.entry("G18", "PASS"),
                Map.entry("G19", "FAIL"), Map.entry("G20", "PASS"), Map.entry("G21", "PASS"),
                Map.entry("G22", "PASS"), Map.entry("G23", "N/A")));
        assertThat(AuditTestSupport.rule(report, "G20").get("evidence")).hasSize(2);
    }

    @Test
    void aBadRuleFileIsAUsageErrorNamingTheProblem() throws IOException {
        Path typo = write("rules:\n  - id: X9\n    title: t\n    severity: HIGH\n    check: {kind: dword_equals, "
                + "path: 'A', value: B, equals: 1, when_abset: PASS}\n");
        AuditTestSupport.Run r = run("audit", scenario("05-").toString(), "--rules", typo.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("when_abset");

        Path kind = write("rules:\n  - {id: X9, title: t, severity: HIGH, check: {kind: registry_magic}}\n");
        AuditTestSupport.Run k = run("rules", "--rules", kind.toString());
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("registry_magic");

        Path sev = write("rules:\n  - {id: S1, severity: URGENT}\n");
        assertThat(run("rules", "--rules", sev.toString()).err()).contains("URGENT");
    }

    private Path write(String yaml) throws IOException {
        Path p = Files.createTempFile(tmp, "site", ".yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
