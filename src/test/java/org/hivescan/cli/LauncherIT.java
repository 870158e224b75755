package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/hivescan as users run it: through symbolic links, with JAVA_HOME, with an option before the command, on a
 * first build. A stand-in JDK (a script that records its arguments and runs the real java) shows which Java ran
 * and how; a stand-in Maven shows what the user sees of a build.
 */
class LauncherIT {
    private static Path script(Path file, String body) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A JDK of the given version whose java records each call's arguments in calls.log, then runs the real one. */
    private static Path recordingJdk(Path dir, String version) throws Exception {
        Path home = dir.resolve("jdk-" + version);
        Files.createDirectories(home);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        script(home.resolve("bin/java"), "echo \"$*\" >> '" + home.resolve("calls.log") + "'\nexec '"
                + Proc.javaBinary() + "' \"$@\"");
        return home;
    }

    private static List<String> calls(Path jdk) throws Exception {
        Path log = jdk.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static Map<String, String> withJavaHome(Path jdk) {
        return Map.of("JAVA_HOME", jdk.toString());
    }

    @Test
    void worksThroughAChainOfSymbolicLinks(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path direct = Files.createSymbolicLink(dir.resolve("hivescan-real-link"), Proc.launcher());
        Files.createSymbolicLink(bin.resolve("hivescan"), Path.of("../hivescan-real-link"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        // Found on PATH by the shell, as a user types it.
        Proc.Result r = Proc.run(List.of("bash", "-c", "hivescan --version"), env, dir);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.outText()).startsWith("hivescan ");
        Files.delete(bin.resolve("hivescan"));
        Files.delete(direct);
    }

    @Test
    void usesJavaHomeAndRefusesAnOldJava(@TempDir Path dir) throws Exception {
        Path jdk17 = recordingJdk(dir, "17.0.99");
        Proc.Result ok = Proc.run(List.of(Proc.launcher().toString(), "--version"), withJavaHome(jdk17));
        assertThat(ok.exit()).isZero();
        assertThat(calls(jdk17)).isNotEmpty();

        Path jdk11 = recordingJdk(dir, "11.0.2");
        Proc.Result old = Proc.run(List.of(Proc.launcher().toString(), "--version"), withJavaHome(jdk11));
        assertThat(old.exit()).isEqualTo(2);
        assertThat(old.err()).isEqualTo("bin/hivescan: hivescan needs Java 17 or later, but " + jdk11.resolve("bin/java")
                + " is version 11; set JAVA_HOME to a JDK 17+\n");
        assertThat(calls(jdk11)).isEmpty();

        Proc.Result missing = Proc.run(List.of(Proc.launcher().toString(), "--version"),
                Map.of("JAVA_HOME", dir.resolve("nowhere").toString()));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("JAVA_HOME is " + dir.resolve("nowhere") + ", but it has no bin/java");
    }

    @Test
    void theFastStartSwitchIsFoundAfterAnOption(@TempDir Path dir) throws Exception {
        Path jdk = recordingJdk(dir, "17.0.98");
        String host = TestPaths.testdata().resolve("hosts/02-2008r2-after-article").toString();
        Proc.Result r = Proc.run(List.of(Proc.launcher().toString(), "--debug", "audit", host), withJavaHome(jdk));
        assertThat(r.exit()).isZero();
        List<String> calls = calls(jdk);
        String run = calls.get(calls.size() - 1);
        assertThat(run).contains("--debug audit").contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void twoFirstRunsTrainTheClassArchiveOnceAndLaterRunsNever(@TempDir Path dir) throws Exception {
        Path jdk = recordingJdk(dir, "17.0.97"); // a Java never seen: its archive does not exist yet
        List<String> command = List.of(Proc.launcher().toString(), "info",
                TestPaths.fixtures().resolve("names.hive").toString());
        CompletableFuture<Proc.Result> first = CompletableFuture.supplyAsync(() -> Proc.run(command,
                withJavaHome(jdk)));
        CompletableFuture<Proc.Result> second = CompletableFuture.supplyAsync(() -> Proc.run(command,
                withJavaHome(jdk)));
        for (Proc.Result r : List.of(first.join(), second.join())) {
            assertThat(r.exit()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.outText()).contains("Keys:");
        }
        assertThat(calls(jdk).stream().filter(c -> c.contains("ArchiveClassesAtExit"))).hasSize(1);
        assertThat(Proc.run(command, withJavaHome(jdk)).exit()).isZero();
        assertThat(calls(jdk).stream().filter(c -> c.contains("ArchiveClassesAtExit"))).hasSize(1);
        assertThat(calls(jdk).get(calls(jdk).size() - 1)).contains("-XX:SharedArchiveFile=");
        try (Stream<Path> target = Files.list(Proc.checkout().resolve("target"))) {
            assertThat(target.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aScanTrainsAndUsesAnArchiveOfItsOwnWhileAnAuditKeepsItsArchive(@TempDir Path dir) throws Exception {
        Path jdk = recordingJdk(dir, "17.0.96");
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        Path host = TestPaths.testdata().resolve("hosts/02-2008r2-after-article");
        try (Stream<Path> hives = Files.list(host)) {
            for (Path hive : hives.toList()) {
                Files.copy(hive, Files.createDirectories(fleet.resolve("host")).resolve(hive.getFileName()));
            }
        }
        List<String> scan = List.of(Proc.launcher().toString(), "scan", fleet.toString(), "--out",
                dir.resolve("out").toString());
        Proc.Result r = Proc.run(scan, withJavaHome(jdk));
        assertThat(r.exit()).as(r.err()).isBetween(0, 4);
        assertThat(dir.resolve("out/hosts.jsonl")).exists();
        List<String> trainings = calls(jdk).stream().filter(c -> c.contains("ArchiveClassesAtExit")).toList();
        assertThat(trainings).hasSize(1);
        assertThat(trainings.get(0)).contains("hivescan-scan-").contains(" scan ");
        String run = calls(jdk).get(calls(jdk).size() - 1);
        assertThat(run).contains("-XX:SharedArchiveFile=").contains("hivescan-scan-").contains("-XX:TieredStopAtLevel=1");

        Proc.Result audit = Proc.run(List.of(Proc.launcher().toString(), "audit", host.toString()),
                withJavaHome(jdk));
        assertThat(audit.exit()).isZero();
        assertThat(calls(jdk).stream().filter(c -> c.contains("ArchiveClassesAtExit"))).hasSize(2);
        assertThat(calls(jdk).get(calls(jdk).size() - 1)).contains("-XX:SharedArchiveFile=")
                .doesNotContain("hivescan-scan-");
        try (Stream<Path> target = Files.list(Proc.checkout().resolve("target"))) {
            assertThat(target.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** A checkout without a jar, whose Maven prints colour codes as Maven's console library does. */
    private static Path checkoutNeedingABuild(Path dir, String mavenBody) throws Exception {
        Path root = dir.resolve("checkout");
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.copy(Proc.launcher(), Files.createDirectories(root.resolve("bin")).resolve("hivescan"));
        root.resolve("bin/hivescan").toFile().setExecutable(true);
        script(dir.resolve("tools/mvn"), mavenBody.replace("JAR", Proc.jar().toString()));
        return root;
    }

    private static Map<String, String> withTools(Path dir) {
        return Map.of("PATH", dir.resolve("tools") + ":" + System.getenv("PATH"));
    }

    @Test
    void aFirstBuildShowsNoColourCodes(@TempDir Path dir) throws Exception {
        Path root = checkoutNeedingABuild(dir, "printf '\\033[0m\\033[0m'; printf '\\033[0m' >&2\n"
                + "mkdir -p target && cp JAR target/hivescan.jar");
        Proc.Result r = Proc.run(List.of(root.resolve("bin/hivescan").toString(), "--version"), withTools(dir));
        assertThat(r.exit()).isZero();
        assertThat(r.outText()).startsWith("hivescan ");
        assertThat(r.err()).isEqualTo("bin/hivescan: building target/hivescan.jar (first run or sources changed)...\n");
    }

    @Test
    void aFailedBuildShowsMavensOutputWithoutColourCodes(@TempDir Path dir) throws Exception {
        Path root = checkoutNeedingABuild(dir, "printf '\\033[1;31m[ERROR] COMPILATION ERROR\\033[0m\\n'; exit 1");
        Proc.Result r = Proc.run(List.of(root.resolve("bin/hivescan").toString(), "--version"), withTools(dir));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("[ERROR] COMPILATION ERROR").contains("the build failed").doesNotContain("\u001b");
    }
}
