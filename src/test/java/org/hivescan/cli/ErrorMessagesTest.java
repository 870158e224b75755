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

    @Test
    void auditAndImageSayTheSameAboutAMissingOrFolderInput(@TempDir Path dir) {
        Path missing = dir.resolve("SYSTEM");
        Cli.Result audit = Cli.run("audit", "--system", missing.toString());
        assertThat(audit.exit()).isEqualTo(3);
        assertThat(audit.err()).isEqualTo("hivescan audit: SYSTEM hive " + missing + ": no such file\n");
        Cli.Result folder = Cli.run("audit", "--software", dir.toString());
        assertThat(folder.exit()).isEqualTo(3);
        assertThat(folder.err()).isEqualTo("hivescan audit: SOFTWARE hive " + dir + ": is a folder, not a file\n");
        Cli.Result image = Cli.run("image", missing.toString());
        assertThat(image.exit()).isEqualTo(3);
        assertThat(image.err()).isEqualTo("hivescan image: " + missing + ": no such file\n");
    }

    @Test
    void aTransactionLogGivenAsTheHiveIsNamedAsOneByEveryCommand(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("SYSTEM.LOG1");
        Files.copy(TestPaths.testdata().resolve("recovery/old-format/SAM.LOG1"), log);
        for (String command : new String[] {"info", "ls", "verify", "export"}) {
            String[] args = command.equals("export") ? new String[] {command, log.toString(), "-f", "canon"}
                    : new String[] {command, log.toString()};
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(command).isEqualTo(3);
            assertThat(r.err()).as(command).contains("this is a transaction log, not a hive");
            assertOneLineWithoutJava(r);
        }
    }

    @Test
    void aTruncatedHiveSaysHowMuchIsMissing(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(TestPaths.fixtures().resolve("names.hive"));
        Path cut = dir.resolve("cut.hive");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 4096));
        for (String command : new String[] {"info", "ls", "verify"}) {
            Cli.Result r = Cli.run(command, cut.toString());
            assertThat(r.exit()).as(command).isEqualTo(3);
            assertThat(r.err()).as(command)
                    .contains("the file is truncated: " + (whole.length - 4096) + " bytes of " + whole.length);
            assertOneLineWithoutJava(r);
        }
    }
}
