package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for every output: "-" is stdout; an existing file is replaced only with --force; an input hive or
 * its log never, even with --force.
 */
class OverwriteRuleTest {
    private static final Path HOST = TestPaths.testdata().resolve("hosts/01-2008r2-as-installed");

    private static Path copyOfHost(Path dir) throws Exception {
        Path host = Files.createDirectories(dir.resolve("host"));
        Files.copy(HOST.resolve("SYSTEM"), host.resolve("SYSTEM"));
        Files.copy(HOST.resolve("SOFTWARE"), host.resolve("SOFTWARE"));
        return host;
    }

    @Test
    void exportRefusesAnExistingFileWithoutForce(@TempDir Path dir) throws Exception {
        Path host = copyOfHost(dir);
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Cli.Result r = Cli.run("export", host.resolve("SYSTEM").toString(), "-f", "jsonl", "-o", precious.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("hivescan: refusing to overwrite existing file " + precious
                + " (use --force to replace it)\n");
        assertThat(Files.readString(precious)).isEqualTo("keep me");
        Cli.Result forced = Cli.run("export", host.resolve("SYSTEM").toString(), "-f", "jsonl", "-o",
                precious.toString(), "--force");
        assertThat(forced.exit()).isZero();
        assertThat(Files.readString(precious)).startsWith("{");
    }

    @Test
    void auditFixRefusesAnExistingFileWithoutForce(@TempDir Path dir) throws Exception {
        Path host = copyOfHost(dir);
        Path precious = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Cli.Result r = Cli.run("audit", host.toString(), "--fix", precious.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("refusing to overwrite existing file " + precious);
        assertThat(Files.readString(precious)).isEqualTo("keep me");
        Cli.Result forced = Cli.run("audit", host.toString(), "--fix", precious.toString(), "--force");
        assertThat(forced.exit()).isEqualTo(1); // host 01 is NOT READY
        assertThat(Files.readString(precious, StandardCharsets.US_ASCII)).startsWith("Windows Registry Editor");
    }

    @Test
    void theEvidenceIsNeverWrittenEvenWithForce(@TempDir Path dir) throws Exception {
        Path host = copyOfHost(dir);
        Path system = host.resolve("SYSTEM");
        byte[] before = Files.readAllBytes(system);
        String[][] attempts = {
            {"export", system.toString(), "-f", "reg", "-o", system.toString(), "--force"},
            {"replay", system.toString(), "-o", system.toString(), "--force"},
            {"audit", host.toString(), "--fix", system.toString(), "--force"},
            {"audit", host.toString(), "--fix-offline", host.resolve("SOFTWARE").toString(), "--force"},
            {"export", system.toString(), "-f", "reg", "-o", host.resolve("SYSTEM.LOG1").toString(), "--force"},
        };
        for (String[] args : attempts) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(Arrays.toString(args)).isEqualTo(2);
            assertThat(r.err()).as(Arrays.toString(args)).contains("input hive or one of its");
        }
        assertThat(Files.readAllBytes(system)).isEqualTo(before);
        assertThat(host.resolve("SYSTEM.LOG1")).doesNotExist();
    }

    @Test
    void dashWritesToStdout(@TempDir Path dir) throws Exception {
        Path host = copyOfHost(dir);
        Cli.Result export = Cli.run("export", host.resolve("SYSTEM").toString(), "-f", "canon", "-o", "-");
        assertThat(export.exit()).isZero();
        assertThat(export.out()).startsWith("K\t");
        Cli.Result replay = Cli.run("replay", host.resolve("SYSTEM").toString(), "-o", "-");
        assertThat(replay.exit()).isZero();
        assertThat(new String(replay.bytes(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("regf");
        assertThat(replay.err()).contains("Wrote standard output");
        Cli.Result fix = Cli.run("audit", host.toString(), "--fix", "-");
        assertThat(fix.exit()).isEqualTo(1);
        assertThat(fix.out()).startsWith("Windows Registry Editor Version 5.00");
        assertThat(fix.err()).contains("NOT READY"); // the report moves to stderr
        assertThat(Files.list(Path.of(".")).map(p -> p.getFileName().toString())).doesNotContain("-");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("host");
    }

    @Test
    void bothFixesInOneFileIsAnError(@TempDir Path dir) throws Exception {
        Path host = copyOfHost(dir);
        Path fix = dir.resolve("fix.reg");
        Cli.Result r = Cli.run("audit", host.toString(), "--fix", fix.toString(), "--fix-offline",
                dir.resolve(".").resolve("fix.reg").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--fix and --fix-offline name the same file");
        assertThat(fix).doesNotExist();
        assertThat(Cli.run("audit", host.toString(), "--fix", "-", "--fix-offline", "-").exit()).isEqualTo(2);
    }

    @Test
    void theLiveFixCannotBeOneOfTheOfflineFiles(@TempDir Path dir) throws Exception {
        Path host = copyOfHost(dir);
        Path offline = Files.createDirectory(dir.resolve("offline"));
        Cli.Result r = Cli.run("audit", host.toString(), "--fix", offline.resolve("SYSTEM.reg").toString(),
                "--fix-offline", offline.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is one of the files --fix-offline writes");
        try (var files = Files.list(offline)) {
            assertThat(files).isEmpty();
        }
    }
}
