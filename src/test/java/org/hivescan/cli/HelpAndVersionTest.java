package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** Every command answers -h/--help and -V/--version; help COMMAND works; no command is a usage error. */
class HelpAndVersionTest {
    private static final List<String> COMMANDS = List.of("info", "ls", "cat", "find", "timeline", "diff", "export",
            "verify", "replay", "audit", "rules");

    @Test
    void everyCommandPrintsItsHelpWithoutItsRequiredArguments() {
        for (String command : COMMANDS) {
            for (String flag : List.of("-h", "--help")) {
                Cli.Result r = Cli.run(command, flag);
                assertThat(r.exit()).as(command + " " + flag).isZero();
                assertThat(r.out()).as(command + " " + flag).startsWith("Usage: hivescan " + command);
                assertThat(r.err()).as(command + " " + flag).isEmpty();
            }
        }
        // Help wins even with other arguments around it.
        Cli.Result r = Cli.run("info", "--help", "x");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: hivescan info");
    }

    @Test
    void everyCommandPrintsTheVersionTheRulesAndTheCommit() throws Exception {
        String commit = headCommit();
        for (String command : COMMANDS) {
            for (String flag : List.of("-V", "--version")) {
                Cli.Result r = Cli.run(command, flag);
                assertThat(r.exit()).as(command + " " + flag).isZero();
                List<String> lines = r.out().lines().toList();
                assertThat(lines).as(command).hasSize(3);
                assertThat(lines.get(0)).matches("hivescan \\d+\\.\\d+\\.\\d+.*");
                assertThat(lines.get(1)).matches("rules \\S+").isNotEqualTo("rules unknown");
                // The test runs in a git checkout, so the build must have recorded the commit it was built from.
                assertThat(lines.get(2)).startsWith("commit ");
                assertThat(commit).startsWith(lines.get(2).substring("commit ".length()));
            }
        }
        assertThat(Cli.run("--version").out()).isEqualTo(Cli.run("audit", "--version").out());
    }

    @Test
    void helpCommandShowsACommandsUsage() {
        Cli.Result r = Cli.run("help", "ls");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: hivescan ls").contains("--recursive");
        Cli.Result all = Cli.run("help");
        assertThat(all.exit()).isZero();
        for (String command : COMMANDS) {
            assertThat(all.out()).contains("  " + command + " ");
        }
    }

    @Test
    void noArgumentsPrintsUsageOnStderrAndExitsTwo() {
        Cli.Result r = Cli.run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Usage: hivescan").contains("Commands:");
    }

    @Test
    void anUnknownCommandIsNamedAndPointsAtTopLevelHelp() {
        Cli.Result r = Cli.run("lls", "SYSTEM");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hivescan: unknown command 'lls'").contains("'ls'")
                .contains("Try 'hivescan --help' for usage.").doesNotContain("hivescan hivescan");
        Cli.Result sub = Cli.run("ls", TestPaths.fixtures().resolve("names.hive").toString(), "a", "b");
        assertThat(sub.exit()).isEqualTo(2);
        assertThat(sub.err()).contains("Try 'hivescan ls --help' for usage.");
    }

    @Test
    void completionScriptCoversEveryCommand() {
        Cli.Result r = Cli.run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("hivescan");
        for (String command : COMMANDS) {
            assertThat(r.out()).contains(command);
        }
    }

    private static String headCommit() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(TestPaths.testdata().getParent().toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as("git rev-parse: " + out).isZero();
        return out;
    }
}
