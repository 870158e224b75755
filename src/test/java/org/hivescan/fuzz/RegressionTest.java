package org.hivescan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input the fuzzer ever failed on (testdata/regress/NAME, see its NOTE.md) goes through the same checks as
 * a fuzz mutant, in process and on the command line, and must now pass them all.
 */
class RegressionTest {
    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyOldFailurePassesTheFuzzChecks() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(TestPaths.testdata().resolve("regress"))) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            assertThat(dir.resolve("NOTE.md")).exists();
            Mutant input = input(dir);
            Exerciser.Report report = new Exerciser(Files.createTempDirectory(scratch, "run")).run(input, true);
            assertThat(report.violations()).as("in-process checks").isEmpty();
            List<String> cli = new CliProbe(Files.createTempDirectory(scratch, "cli")).run(input);
            assertThat(cli).as("command line").isEmpty();
        }));
    }

    /** The folder's input: a primary alone, or a primary and the NAME.LOG1 replayed into it. */
    private static Mutant input(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        Path log = files.stream().filter(SeedCorpus::isLogName).findFirst().orElse(null);
        Path primary = files.stream().filter(p -> !SeedCorpus.isLogName(p)).findFirst().orElseThrow();
        Path input = log != null ? log : primary;
        Seed seed = new Seed("testdata/regress/" + dir.getFileName() + "/" + input.getFileName(), input,
                log != null ? primary : null, Files.size(input));
        return new Mutant(seed, Files.readAllBytes(input), "regression input");
    }
}
