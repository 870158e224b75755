package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hivescan.TestPaths;
import org.hivescan.report.Escaping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names holding ESC[2J, OSC sequences, markup, spreadsheet formulas, newlines, CR and NUL (fixture
 * hostile-names) render harmlessly in every output.
 */
class OutputSafetyTest {
    private static final String HIVE = TestPaths.fixtures().resolve("hostile-names.hive").toString();

    private static void assertNoRawControls(String text, boolean linesAllowed) {
        assertNoRawControls(text, linesAllowed, true);
    }

    /** Terminal text must not hold controls nor bidi overrides; a .reg file keeps the override as data. */
    private static void assertNoRawControls(String text, boolean linesAllowed, boolean terminal) {
        for (char c : text.toCharArray()) {
            boolean allowedLineBreak = linesAllowed && (c == '\n' || c == '\r');
            if (!allowedLineBreak) {
                assertThat(c < 0x20 && c != '\t' || c == 0x7F || c == 0x1B || terminal && c == 0x202E)
                        .as("raw control 0x%x in output", (int) c).isFalse();
            }
        }
    }

    @Test
    void terminalOutputsCarryNoRawControlCharacters() {
        for (String[] args : List.of(new String[] {"ls", HIVE, "Names", "-l"}, new String[] {"ls", HIVE, "-r"},
                new String[] {"info", HIVE})) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).isZero();
            assertNoRawControls(r.out(), true);
            assertNoRawControls(r.err(), true);
        }
        String ls = Cli.run("ls", HIVE, "Names").out();
        assertThat(ls).contains("esc\\x1b[2Jcls").contains("line1\\nline2").contains("nul\\x00here")
                .contains("rtl\\u202etxt.exe");
        // Every listed name is on its own line: nothing a name holds can start a new one.
        assertThat(ls.lines().filter(l -> l.startsWith("    ")).count()).isEqualTo(9 + 8);
    }

    @Test
    void regExportCannotBeInjectedWithNewKeysOrValues(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hostile.reg");
        Cli.Result r = Cli.run("export", HIVE, "--format", "reg", "--encoding", "utf-8", "-o", out.toString());
        assertThat(r.exit()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertNoRawControls(text.replace("\r\n", ""), false, false);
        assertThat(text.lines().filter(l -> l.startsWith("[")).count()).isEqualTo(2 + 9);
        assertThat(text).contains("line1%0Aline2").contains("esc%1B[2Jcls").contains("\\Names\\back%5Cslash]");
        assertThat(r.err()).contains("control characters");
    }

    @Test
    void jsonAndCanonEscapeEverything(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("h.jsonl");
        Cli.run("export", HIVE, "--format", "jsonl", "-o", jsonl.toString());
        String text = Files.readString(jsonl);
        assertNoRawControls(text, true);
        assertThat(text.lines()).hasSize(11);
        assertThat(text).contains("<script>").doesNotContain("\u001b");
        String canon = Cli.run("export", HIVE, "--format", "canon").out();
        assertNoRawControls(canon.replace("\t", " "), true, false);
        assertThat(canon).contains("esc%1B[2Jcls").contains("nul%00here");
    }

    @Test
    void reportEscapersNeutraliseMarkupFormulasAndPaths() {
        assertThat(Escaping.html("<script>alert(1)</script>")).doesNotContain("<").doesNotContain(">");
        assertThat(Escaping.csv("=HYPERLINK(\"http://x\")")).startsWith("\"'=");
        assertThat(Escaping.fileName("../../etc/passwd")).doesNotContain("/").isEqualTo(".._.._etc_passwd");
        assertThat(Escaping.fileName("..")).isNotEqualTo("..");
        assertThat(Escaping.terminal("a\u001b]0;title\u0007b")).isEqualTo("a\\x1b]0;title\\x07b");
    }
}
