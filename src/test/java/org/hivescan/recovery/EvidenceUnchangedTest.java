package org.hivescan.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 4: the hive and its logs keep their bytes and modification times through every command. The inputs are
 * writable copies (the shared corpus is read-only, which would hide a write), with an old mtime set on purpose.
 */
class EvidenceUnchangedTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("fixture:dual-older-first", "NTUSER.DAT"),
                Arguments.of("corpus:msuhanov_yarp/hives_for_tests/OldDirtyHive", "OldDirtyHive"),
                Arguments.of("corpus:msuhanov_yarp/hives_for_tests/BadLogHive3", "BadLogHive"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyCommandLeavesTheInputsAlone(String folder, String hiveName, @TempDir Path dir) throws Exception {
        Path inputs = Files.createDirectory(dir.resolve("evidence"));
        copyFolder(folder, inputs);
        Path hive = inputs.resolve(hiveName);
        Map<String, String> before = fingerprint(inputs);
        assertThat(before).hasSizeGreaterThan(1);

        try (LoadedHive loaded = TestFiles.load(hive)) {
            TestFiles.listing(loaded.hive());
        }
        assertThat(fingerprint(inputs)).as("after HiveLoader.open").isEqualTo(before);
        for (List<String> command : commands(hive, dir.resolve("out"))) {
            CliRunner.run(command.toArray(String[]::new));
            assertThat(fingerprint(inputs)).as("after " + command).isEqualTo(before);
        }
        CliRunner replay = CliRunner.run("replay", hive.toString(), "-o", dir.resolve("out/again.hive").toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(fingerprint(inputs)).isEqualTo(before);
    }

    private static List<List<String>> commands(Path hive, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        String h = hive.toString();
        return List.of(
                List.of("info", h),
                List.of("info", "--json", h),
                List.of("ls", "-r", h),
                List.of("export", "-f", "canon", h),
                List.of("export", "-f", "reg", h, "-o", outDir.resolve("x.reg").toString()),
                List.of("verify", h),
                List.of("replay", h, "-o", outDir.resolve("clean.hive").toString()),
                List.of("replay", h, "-o", h, "--force"),
                List.of("audit", h));
    }

    private static void copyFolder(String which, Path to) throws IOException {
        String[] parts = which.split(":", 2);
        Path from = parts[0].equals("corpus") ? TestFiles.corpus(parts[1]) : TestFiles.fixture(parts[1]);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Path copy = Files.copy(f, to.resolve(f.getFileName()));
                copy.toFile().setWritable(true);
                Files.setLastModifiedTime(copy, OLD);
            }
        }
    }

    /** Every file's SHA-256 and modification time, and nothing else in the folder. */
    private static Map<String, String> fingerprint(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(sha) + " "
                        + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return out;
    }
}
