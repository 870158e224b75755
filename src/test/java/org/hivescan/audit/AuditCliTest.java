package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;
import static org.hivescan.audit.AuditTestSupport.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code hivescan audit}: inputs, DIR lookup, one hive alone, and the exit codes. */
class AuditCliTest {
    @TempDir
    Path tmp;

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        assertThat(run("audit").code()).isEqualTo(2);
        Path dir = scenario("05-");
        assertThat(run("audit", dir.toString(), "--system", dir.resolve("SYSTEM").toString()).code()).isEqualTo(2);
        assertThat(run("audit", tmp.toString()).code()).as("a folder without hives").isEqualTo(2);
        assertThat(run("audit", dir.toString(), "--format", "xml").code()).isEqualTo(2);
        assertThat(run("audit", dir.toString(), "--os-build", "seven").code()).isEqualTo(2);
        AuditTestSupport.Run swapped = run("audit", "--software", dir.resolve("SYSTEM").toString());
        assertThat(swapped.code()).as("a SYSTEM hive given as SOFTWARE").isEqualTo(2);
        assertThat(swapped.err()).contains("SYSTEM hive, not SOFTWARE");
    }

    @Test
    void anUnreadableHiveExitsWithThree() throws IOException {
        Path notAHive = tmp.resolve("SYSTEM");
        Files.writeString(notAHive, "this is not a registry hive, just text that is long enough ".repeat(100));
        AuditTestSupport.Run r = run("audit", "--system", notAHive.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("unreadable");
        assertThat(run("audit", "--system", tmp.resolve("missing").toString()).code()).isEqualTo(3);
    }

    @Test
    void dirFindsHivesInAnyCaseAndBelowWindowsSystem32Config() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("image/windows/SYSTEM32/Config"));
        Files.copy(scenario("06-").resolve("SYSTEM"), config.resolve("system"));
        Files.copy(scenario("06-").resolve("SOFTWARE"), config.resolve("Software"));
        AuditTestSupport.Run nested = run("audit", tmp.resolve("image").toString(), "--format", "json");
        AuditTestSupport.Run flat = run("audit", scenario("06-").toString(), "--format", "json");
        assertThat(nested.code()).isEqualTo(1);
        assertThat(verdicts(nested.json())).isEqualTo(verdicts(flat.json()));
    }

    @Test
    void softwareAloneLeavesSystemRulesUnknownWithTheReason() throws IOException {
        Files.copy(scenario("05-").resolve("SOFTWARE"), tmp.resolve("SOFTWARE"));
        AuditTestSupport.Run r = run("audit", tmp.toString(), "--format", "json");
        JsonNode report = r.json();
        for (String id : new String[] {"S1", "S2", "S4", "C1", "C2", "X2"}) {
            JsonNode rule = AuditTestSupport.rule(report, id);
            assertThat(rule.get("verdict").asText()).as(id).isEqualTo("UNKNOWN");
            assertThat(rule.get("finding").asText()).as(id).contains("needs the SYSTEM hive");
        }
        assertThat(verdicts(report)).containsEntry("N1", "FAIL").containsEntry("W1", "PASS");
        assertThat(report.get("host").get("architecture").asText()).as("inferred from Wow6432Node").isEqualTo("64-bit");
        assertThat(report.get("hives").get(0).get("given").asBoolean()).isFalse();
        assertThat(r.code()).as("N1 fails, so the .NET stack is not ready").isEqualTo(1);
    }

    @Test
    void systemAloneIsUnknownUntilTheBuildIsGiven() throws IOException {
        Files.copy(scenario("05-").resolve("SYSTEM"), tmp.resolve("SYSTEM"));
        AuditTestSupport.Run r = run("audit", "--system", tmp.resolve("SYSTEM").toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(4);
        assertThat(AuditTestSupport.rule(r.json(), "S1").get("finding").asText()).contains("--os-build");
        JsonNode withBuild = run("audit", "--system", tmp.resolve("SYSTEM").toString(), "--os-build", "14393",
                "--format", "json").json();
        assertThat(verdicts(withBuild)).containsEntry("S1", "PASS").containsEntry("S2", "PASS")
                .containsEntry("S4", "WARN").containsEntry("X3", "PASS");
    }

    @Test
    void osBuildOverridesTheHiveAndSaysSo() {
        JsonNode r = run("audit", scenario("03-").toString(), "--os-build", "9600", "--format", "json").json();
        assertThat(r.get("host").get("build").asInt()).isEqualTo(9600);
        assertThat(r.get("host").get("notes").toString()).contains("overrides CurrentBuildNumber 9200");
        assertThat(verdicts(r)).as("9600 includes TLS 1.2 in the WinHTTP default").containsEntry("W1", "PASS");
    }

    @Test
    void explicitLogsMustBelongToOneOfTheHives() throws IOException {
        Path dir = scenario("05-");
        Path stray = Files.writeString(tmp.resolve("NTUSER.DAT.LOG1"), "not a log");
        AuditTestSupport.Run r = run("audit", dir.toString(), "--log", stray.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("belongs to neither hive");
    }

    @Test
    void aFixFileNeverOverwritesAnInputHive() throws IOException {
        AuditTestSupport.copyHives(scenario("05-"), tmp);
        byte[] before = Files.readAllBytes(tmp.resolve("SYSTEM"));
        AuditTestSupport.Run r = run("audit", tmp.toString(), "--fix", tmp.resolve("SYSTEM").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(Files.readAllBytes(tmp.resolve("SYSTEM"))).isEqualTo(before);
        AuditTestSupport.Run log = run("audit", tmp.toString(), "--fix-offline", tmp.resolve("software.LOG1")
                .toString());
        assertThat(log.code()).as("a new file named like a log of SOFTWARE").isEqualTo(2);
        assertThat(tmp.resolve("software.LOG1")).doesNotExist();
    }

    /** Without Select\Current the control set is unknown (§0): SYSTEM rules say so instead of guessing 001. */
    @Test
    void aSystemHiveWithoutSelectLeavesSystemRulesUnknown() throws Exception {
        AuditTestSupport.copyHives(scenario("05-"), tmp);
        Path reg = Files.writeString(tmp.resolve("drop.reg"),
                "Windows Registry Editor Version 5.00\n\n[-HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n");
        AuditTestSupport.hivexregedit("--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SYSTEM",
                tmp.resolve("SYSTEM").toString(), reg.toString());
        JsonNode report = run("audit", tmp.toString(), "--format", "json").json();
        assertThat(report.get("host").get("control_set").isNull()).isTrue();
        for (String id : new String[] {"S1", "C2", "X2"}) {
            assertThat(AuditTestSupport.rule(report, id).get("verdict").asText()).isEqualTo("UNKNOWN");
            assertThat(AuditTestSupport.rule(report, id).get("finding").asText()).contains("Select\\Current");
        }
        assertThat(AuditTestSupport.rule(report, "OS1").get("verdict").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void exitCodesFollowTheOverallVerdict() {
        assertThat(run("audit", scenario("02-").toString()).code()).isZero();
        assertThat(run("audit", scenario("06-").toString()).code()).isEqualTo(1);
    }

    /** A folder holding two SYSTEM candidates is refused with both named, never paired silently. */
    @Test
    void anAmbiguousFolderIsRefusedWithItsCandidates() throws IOException {
        Files.copy(scenario("05-").resolve("SYSTEM"), tmp.resolve("SYSTEM"));
        Files.copy(scenario("01-").resolve("SYSTEM"), tmp.resolve("system"));
        Files.copy(scenario("05-").resolve("SOFTWARE"), tmp.resolve("SOFTWARE"));
        AuditTestSupport.Run r = run("audit", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("more than one candidate").contains(tmp.resolve("SYSTEM").toString())
                .contains(tmp.resolve("system").toString());
    }

    /** SYSTEM and SOFTWARE that cannot be one machine (a server SYSTEM, a client SOFTWARE) are warned about. */
    @Test
    void hivesFromDifferentMachinesAreWarnedAbout() throws IOException {
        Files.copy(scenario("05-").resolve("SYSTEM"), tmp.resolve("SYSTEM"));
        Files.copy(scenario("10-").resolve("SOFTWARE"), tmp.resolve("SOFTWARE"));
        AuditTestSupport.Run r = run("audit", tmp.toString());
        assertThat(r.err()).contains("warning: SYSTEM says ProductType ServerNT but SOFTWARE says InstallationType "
                + "Client: the hives may come from different machines");
    }
}
