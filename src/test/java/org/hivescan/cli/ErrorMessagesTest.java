package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is one line in the user's words: the file and the reason, never a Java exception name. */
class ErrorMessagesTest {
    private static final String NAMES = TestPaths.fixtures().resolve("names.hive").toString();

    private static void assertOneLineWithoutJava(Cli.Result r) {
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\\n");
        assertThat(r.err().lines().filter(l -> !l.startsWith("Try '")).count()).isEqualTo(1);
    }

    @Test
    void aFolderGivenAsTheHive(@TempDir Path dir) {
        Cli.Result r = Cli.run("info", dir.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("hivescan: " + dir + ": is a folder, not a file\n");
    }

    @Test
    void aMissingHive(@TempDir Path dir) {
        for (String command : new String[] {"info", "ls", "verify", "find", "timeline"}) {
            String[] args = command.equals("find") ? new String[] {command, dir.resolve("SYSTEM").toString(), "x"}
                    : new String[] {command, dir.resolve("SYSTEM").toString()};
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(command).isEqualTo(3);
            assertThat(r.err()).as(command).isEqualTo("hivescan: " + dir.resolve("SYSTEM") + ": no such file\n");
        }
    }

    @Test
    void accessDeniedReadsAsPermissionDenied() {
        // Root reads any file, so the tests (often root) cannot make one unreadable: the wording is checked here,
        // and the real failure below, where even root may not create a file (sysfs).
        assertThat(Messages.describe(new AccessDeniedException("/cases/SYSTEM")))
                .isEqualTo("/cases/SYSTEM: permission denied");
    }

    @Test
    void aFolderWhereNoFileCanBeCreated() {
        Path sysfs = Path.of("/sys/hivescan-test.reg");
        Cli.Result r = Cli.run("export", NAMES, "--format", "reg", "-o", sysfs.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("hivescan: " + sysfs + ": permission denied\n");
    }

    @Test
    void anUnknownEncodingListsTheChoices() {
        Cli.Result r = Cli.run("export", NAMES, "--format", "reg", "--encoding", "latin1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hivescan export: --encoding: expected one of utf-16le, utf-8, found 'latin1'\n");
        assertOneLineWithoutJava(r);
    }

    @Test
    void aBrokenRulesFileIsOneLineWithItsPosition(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("site.yaml");
        Files.writeString(rules, "rules:\n  - id: [\n", StandardCharsets.UTF_8);
        for (String[] args : new String[][] {{"rules", "--rules", rules.toString()},
            {"audit", "--rules", rules.toString(), TestPaths.testdata().resolve("hosts/02-2008r2-after-article")
                    .toString()}}) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).isEqualTo(2);
            assertOneLineWithoutJava(r);
            assertThat(r.err()).contains(rules.toString()).contains("line 3, column 1");
        }
    }

    @Test
    void aBadRegularExpressionIsAUsageError() {
        Cli.Result r = Cli.run("find", NAMES, "[", "--regex");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hivescan: PATTERN: not a valid regular expression");
        assertOneLineWithoutJava(r);
    }
}
