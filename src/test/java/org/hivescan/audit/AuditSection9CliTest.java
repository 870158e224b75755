package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.copyHives;
import static org.hivescan.audit.AuditTestSupport.hivexregedit;
import static org.hivescan.audit.AuditTestSupport.rule;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;
import static org.hivescan.audit.AuditTestSupport.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit output items of the CLI issue that follow from §9: partial input, the result block, site rules. */
class AuditSection9CliTest {
    @TempDir
    Path tmp;

    /** SYSTEM only: .NET is unknown (not "no 4.5+"), and the blockers are listed, never an empty list. */
    @Test
    void systemOnlySaysUnknownAndNamesWhatIsMissing() {
        AuditTestSupport.Run r = run("audit", "--system", scenario("05-").resolve("SYSTEM").toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.out()).contains(".NET          unknown (needs the SOFTWARE hive)").doesNotContain("no 4.5+");
        assertThat(r.out()).containsPattern("Registry changes alone cannot make this host READY:\\n  - \\S");
        assertThat(r.out()).containsPattern("(?m)^  Missing evidence: .*needs the SOFTWARE hive");
    }

    /** W3 applies only to 7601/9200 (and 6002/6003): with --os-build 16299 it is N/A even without SOFTWARE. */
    @Test
    void w3IsNotApplicableOffItsBuildsEvenWithoutSoftware() {
        JsonNode r = run("audit", "--system", scenario("05-").resolve("SYSTEM").toString(), "--os-build", "16299",
                "--format", "json").json();
        assertThat(rule(r, "W3").get("verdict").asText()).isEqualTo("N/A");
        assertThat(rule(r, "W1").get("verdict").asText()).isEqualTo("UNKNOWN");
    }

    /** W2 applies to x64/ARM64 only: an x86 SYSTEM makes it N/A without SOFTWARE. */
    @Test
    void w2IsNotApplicableOnAnX86SystemEvenWithoutSoftware() {
        JsonNode r = run("audit", "--system", scenario("08-").resolve("SYSTEM").toString(), "--format", "json")
                .json();
        assertThat(r.get("host").get("architecture").asText()).isEqualTo("x86");
        assertThat(rule(r, "W2").get("verdict").asText()).isEqualTo("N/A");
    }

    /** §9.1: WARNs never change READY, but the result block names them. */
    @Test
    void readyWithWarningsSaysSoInTheResultBlock() {
        String out = run("audit", scenario("24-").toString()).out();
        String head = out.substring(0, out.indexOf("Rules"));
        assertThat(head).contains("Result: READY").containsPattern("READY, with \\d+ warning\\(s\\).*N2");
    }

    /** UNKNOWN names the missing evidence in one line on the first screen. */
    @Test
    void unknownNamesTheMissingEvidenceInOneLine() {
        String out = run("audit", scenario("17-").toString()).out();
        String head = out.substring(0, out.indexOf("Rules"));
        assertThat(head).contains("Result: UNKNOWN").containsPattern(
                "(?m)^  Missing evidence: W3 no evidence of KB3140245: WinHTTP may ignore DefaultSecureProtocols$");
    }

    /**
     * --tls12-only disables TLS 1.0/1.1 in SChannel, so WinHTTP must not keep offering them: where
     * DefaultSecureProtocols is absent (the built-in default still has them), the strict fix writes 0x800 in both
     * views.
     */
    @Test
    void strictFixWritesDefaultSecureProtocolsWhereItIsAbsent() {
        String fix = run("audit", scenario("05-").toString(), "--tls12-only", "--fix", "-").out();
        assertThat(fix).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
                + "\\WinHttp]\r\n\"DefaultSecureProtocols\"=dword:00000800")
                .contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet "
                + "Settings\\WinHttp]\r\n\"DefaultSecureProtocols\"=dword:00000800");
        String plain = run("audit", scenario("05-").toString(), "--fix", "-").out();
        assertThat(plain).doesNotContain("DefaultSecureProtocols");
    }

    /** The missing evidence is what is missing, not what was seen before it (S1 on Server 2008 SP2, §9.6). */
    @Test
    void missingEvidenceNamesTheMissingUpdateNotTheSettingSeen() {
        String out = run("audit", scenario("20-").toString()).out();
        String line = out.lines().filter(l -> l.startsWith("  Missing evidence: ")).findFirst().orElseThrow();
        assertThat(line).contains("S1 no evidence of KB4019276").doesNotContain("is ENABLED");
        String n4 = run("audit", scenario("04-").toString()).out().lines()
                .filter(l -> l.startsWith("  Missing evidence: ")).findFirst().orElseThrow();
        assertThat(n4).startsWith("  Missing evidence: N4 no .NET update recorded");
    }

    /** §9.5: a .NET update recorded under SOFTWARE\Microsoft\Updates turns the 4.5-4.5.2 band into a WARN. */
    @Test
    void aRecordedDotNetUpdateLiftsTheFourFiveBand() throws IOException, InterruptedException {
        copyHives(scenario("04-"), tmp);
        assertThat(verdicts(run("audit", tmp.toString(), "--format", "json").json())).containsEntry("N4", "UNKNOWN");
        Path reg = tmp.resolve("update.reg");
        Files.writeString(reg, "Windows Registry Editor Version 5.00\n\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Updates]\n\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Updates\\Microsoft .NET Framework 4.5.2]\n\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Updates\\Microsoft .NET Framework 4.5.2\\KB3099842]\n"
                + "\"PackageName\"=\"Update for Microsoft .NET Framework 4.5.2 (KB3099842)\"\n", StandardCharsets.UTF_8);
        hivexregedit("--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SOFTWARE", "--encoding", "UTF-16LE",
                tmp.resolve("SOFTWARE").toString(), reg.toString());
        JsonNode after = run("audit", tmp.toString(), "--format", "json").json();
        assertThat(verdicts(after)).containsEntry("N4", "WARN");
        assertThat(after.get("overall").asText()).isEqualTo("READY");
    }

    /** §9.1: a failing HIGH site rule changes the verdict when it joins a stack, and the listing says which. */
    @Test
    void aSiteRuleCountsInTheStacksItJoins() throws IOException {
        Path site = tmp.resolve("site.yaml");
        Files.writeString(site, """
                rules:
                  - id: SITE2
                    title: FIPS must stay off for our WinHTTP clients
                    severity: HIGH
                    hives: [SYSTEM]
                    stacks: [winhttp]
                    check: {kind: dword_equals, path: 'CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy',
                            value: Enabled, equals: 0, when_absent: PASS}
                  - id: SITE3
                    title: informational only
                    severity: HIGH
                    hives: [SYSTEM]
                    check: {kind: dword_equals, path: 'CurrentControlSet\\Control\\Lsa\\FipsAlgorithmPolicy',
                            value: Enabled, equals: 0, when_absent: PASS}
                """);
        AuditTestSupport.Run r = run("audit", scenario("10-").toString(), "--rules", site.toString(), "--format",
                "json");
        JsonNode json = r.json();
        assertThat(verdicts(json)).containsEntry("SITE2", "FAIL").containsEntry("SITE3", "FAIL");
        assertThat(json.get("overall").asText()).isEqualTo("NOT READY");
        assertThat(r.code()).isEqualTo(1);
        assertThat(json.get("stacks").get("winhttp").asBoolean()).isFalse();
        String listing = run("rules", "--rules", site.toString()).out();
        assertThat(listing).containsPattern("(?s)SITE2 .*stacks: winhttp")
                .containsPattern("(?s)SITE3 .*joins no stack: cannot change the verdict");
        String text = run("audit", scenario("10-").toString(), "--rules", site.toString()).out();
        assertThat(text.substring(0, text.indexOf("Rules"))).contains("Failing outside the three stacks")
                .contains("SITE3 (HIGH)").doesNotContain("SITE2 (HIGH)");
        AuditTestSupport.Run bad = run("audit", scenario("10-").toString(), "--rules", writeBadStack());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("joins unknown stack");
    }

    private String writeBadStack() throws IOException {
        Path p = tmp.resolve("bad.yaml");
        Files.writeString(p, "rules:\n  - {id: X9, title: t, severity: HIGH, stacks: [nope], check: {kind: "
                + "value_present, path: 'Microsoft', value: x}}\n");
        return p.toString();
    }
}
