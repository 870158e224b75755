package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file in the shared corpus, hive or not, through info, verify and export --format canon: each command
 * ends with exit 0, 1 or 3 and never with an internal error.
 */
class CorpusRobustnessTest {
    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestPaths.corpus())) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv"))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandEndsCleanlyOnEveryFile() throws IOException {
        List<Path> files = corpusFiles();
        assertThat(files).hasSizeGreaterThan(200);
        return files.stream().map(file -> DynamicTest.dynamicTest(TestPaths.corpus().relativize(file).toString(), () -> {
            for (String[] args : List.of(new String[] {"info", file.toString()},
                    new String[] {"verify", file.toString()},
                    new String[] {"export", file.toString(), "--format", "canon", "-o", "/dev/null"})) {
                Cli.Result r = Cli.run(args);
                assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isIn(0, 1, 3);
                assertThat(r.err()).doesNotContain("internal error").doesNotContain("\tat ");
            }
        }));
    }
}
