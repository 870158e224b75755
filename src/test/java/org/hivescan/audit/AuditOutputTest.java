package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.copyHives;
import static org.hivescan.audit.AuditTestSupport.hivexregedit;
import static org.hivescan.audit.AuditTestSupport.mergeOffline;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;
import static org.hivescan.audit.AuditTestSupport.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hivescan.audit.model.RuleSetLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.report.audit.TextAuditReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text (80 columns, colour rules), Markdown, and hive text that tries to escape into any of the outputs. */
class AuditOutputTest {
    private static final String ESC = "\u001b";

    /** Piped output is not wrapped: every evidence path and finding is one line, so grep finds it whole. */
    @Test
    void pipedTextIsNotWrapped() {
        String out = run("audit", scenario("06-").toString(), "--color=never").out();
        assertThat(out).containsPattern("(?m)^ *- HKLM\\\\SYSTEM\\\\ControlSet001\\\\Control\\\\SecurityProviders"
                + "\\\\SCHANNEL\\\\Protocols\\\\TLS 1\\.2\\\\Client$");
    }

    /**
     * At a terminal width the lines fit, except a chunk that cannot break, and never inside a registry path: each
     * path the report names is whole on one line.
     */
    @Test
    void terminalWidthNeverBreaksInsideAPath() throws Exception {
        for (int width : List.of(80, 100, 132)) {
            for (Path dir : scenarios()) {
                AuditReport report = new Auditor(RuleSetLoader.builtIn()).auditFiles(dir.resolve("SYSTEM"),
                        dir.resolve("SOFTWARE"), LoadOptions.defaults(), null, false);
                StringWriter text = new StringWriter();
                TextAuditReport.write(report, new PrintWriter(text), false, true, width);
                String out = text.toString();
                for (RuleResult r : report.rules()) {
                    for (Evidence e : r.evidence()) {
                        assertThat(out).as("%s at %d: %s", dir, width, e.key()).contains(e.key());
                    }
                }
                for (String line : out.split("\n")) {
                    if (line.codePointCount(0, line.length()) > width && !line.startsWith("  Missing evidence: ")) {
                        assertThat(line).as("%s at %d: only a path or URL, which never breaks, overflows", dir,
                                width).containsAnyOf("\\", "/");
                    }
                }
            }
        }
        assertThat(TextAuditReport.width("120", false)).as("COLUMNS wins").isEqualTo(120);
        assertThat(TextAuditReport.width(null, true)).as("a terminal without COLUMNS").isEqualTo(80);
        assertThat(TextAuditReport.width(null, false)).as("piped: no wrap").isEqualTo(Integer.MAX_VALUE);
        assertThat(TextAuditReport.width("junk", false)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void colourOnlyWhenAskedOrOnATerminal() {
        Path dir = scenario("06-");
        assertThat(run("audit", dir.toString()).out()).as("not a terminal").doesNotContain(ESC);
        assertThat(run("audit", dir.toString(), "--color=never").out()).doesNotContain(ESC);
        assertThat(run("audit", dir.toString(), "--color=always").out()).contains(ESC + "[1;31mFAIL");
    }

    /** The colour policy the CLI applies to --color auto (a test cannot give the JVM a terminal or NO_COLOR). */
    @Test
    void autoColourNeedsATerminalAndNoNoColor() {
        assertThat(TextAuditReport.colorWanted("auto", true, null, "xterm-256color")).isTrue();
        assertThat(TextAuditReport.colorWanted("auto", false, null, "xterm")).as("not a terminal").isFalse();
        assertThat(TextAuditReport.colorWanted("auto", true, "1", "xterm")).as("NO_COLOR=1").isFalse();
        assertThat(TextAuditReport.colorWanted("auto", true, "", "xterm")).as("NO_COLOR empty").isTrue();
        assertThat(TextAuditReport.colorWanted("auto", true, null, "dumb")).isFalse();
        assertThat(TextAuditReport.colorWanted("always", false, "1", "dumb")).isTrue();
        assertThat(TextAuditReport.colorWanted("never", true, null, "xterm")).isFalse();
    }

    @Test
    void textShowsVerdictStacksAndFailureDetail() {
        String out = run("audit", scenario("06-").toString()).out();
        assertThat(out).contains("Result: NOT READY").contains("[ no ] WinHTTP ready")
                .contains("Windows Server 2019").contains("FAIL    S1   CRIT")
                .contains("HKLM\\SYSTEM\\ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\")
                .contains("Enabled = REG_DWORD 0x00000000 (0)")
                .contains("https://learn.microsoft.com/en-us/windows-server/security/tls/tls-registry-settings");
    }

    @Test
    void markdownIsATicketReadyReport() {
        String md = run("audit", scenario("07-").toString(), "--format", "markdown").out();
        assertThat(md).startsWith("# TLS 1.2 readiness for Microsoft 365: NOT READY\n");
        assertThat(md).contains("| Computer name | WEB-2022-01 |").contains("| C1 | **FAIL** | CRIT |")
                .contains("### C1: FAIL (CRIT)").contains("## Registry changes (article variant)");
        for (String line : md.split("\n")) {
            if (line.startsWith("| C1 |") || line.startsWith("| Computer name |")) {
                assertThat(line.chars().filter(c -> c == '|').count()).as(line).isIn(3L, 6L);
            }
        }
    }

    /** A computer name with an ESC sequence, a newline, a pipe, a backtick and markup reaches no output raw. */
    @Test
    void hostileHiveTextIsEscapedEverywhere(@TempDir Path tmp) throws Exception {
        copyHives(scenario("05-"), tmp);
        String evil = "EVIL" + ESC + "[31m\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Pwned]|`<b>\\";
        Path reg = tmp.resolve("evil.reg");
        Files.writeString(reg, "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001"
                + "\\Control\\ComputerName\\ComputerName]\n\"ComputerName\"=hex(1):" + utf16Hex(evil) + "\n",
                StandardCharsets.UTF_8);
        hivexregedit("--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SYSTEM", tmp.resolve("SYSTEM").toString(),
                reg.toString());

        String text = run("audit", tmp.toString(), "--color=never").out();
        assertThat(text).doesNotContain(ESC).contains("EVIL\\x1b[31m\\n[HKEY_LOCAL_MACHINE");
        String md = run("audit", tmp.toString(), "--format", "markdown").out();
        assertThat(md).doesNotContain(ESC).contains("&#124;&#96;&lt;b&gt;");
        JsonNode json = run("audit", tmp.toString(), "--format", "json").json();
        assertThat(json.get("host").get("computer_name").asText()).doesNotContain(ESC).doesNotContain("\n");

        Path fix = tmp.resolve("fix");
        run("audit", tmp.toString(), "--fix-offline", fix.toString());
        String file = Files.readString(fix.resolve("SYSTEM.reg"), StandardCharsets.US_ASCII)
                + Files.readString(fix.resolve("SOFTWARE.reg"), StandardCharsets.US_ASCII);
        assertThat(file).doesNotContain(ESC).doesNotContain("\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Pwned]");
        mergeOffline(fix, tmp);
        assertThat(hivexregedit("--export", tmp.resolve("SYSTEM").toString(), "\\")).doesNotContain("Pwned");
    }

    private static String utf16Hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : (s + "\0").toCharArray()) {
            sb.append(String.format("%02x,%02x,", c & 0xFF, c >> 8));
        }
        return sb.substring(0, sb.length() - 1);
    }

    @Test
    void jsonDocumentsItsSchemaVersionAndFixVariant() throws IOException {
        JsonNode r = run("audit", scenario("01-").toString(), "--format", "json", "--tls12-only").json();
        assertThat(r.get("schema_version").asInt()).isEqualTo(1);
        assertThat(r.get("fix_variant").asText()).isEqualTo("tls12-only");
        assertThat(r.get("rules_version").asText()).isNotBlank();
        assertThat(r.get("fix_blockers").get(0).asText()).startsWith("W3 UNKNOWN");
        assertThat(r.get("stack_details").get(0).get("prerequisites").get(0).asText()).isEqualTo("W3");
        String doc = Files.readString(Path.of(System.getProperty("hivescan.testdata", "testdata"))
                .resolveSibling("docs/audit-json-schema.md"));
        r.fieldNames().forEachRemaining(name -> assertThat(doc).as("documented field").contains("`" + name + "`"));
    }
}
