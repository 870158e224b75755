package org.hivescan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a cluster runs it: handed to Spark's own {@code SparkSubmit} entry point in a separate JVM
 * whose class path holds Spark's libraries only (no hivescan, no picocli: the jar must carry them), on a
 * {@code local-cluster} master, whose two executors are separate JVMs started the way a standalone cluster's
 * workers start them, so every task and result crosses a process boundary. Its outputs must equal the local scan's.
 */
class SparkSubmitIT {
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void theJarRunsUnderSparkSubmitOnSeparateExecutorJvms(@TempDir Path dir) throws Exception {
        Path fleet = TestFleet.make(dir.resolve("fleet"), 20);
        Path local = dir.resolve("local");
        TestFleet.localScan(fleet, local);
        Path out = dir.resolve("submitted");

        Path sparkHome = sparkHome(dir.resolve("spark-home"));
        // The driver gets the module openings the spark-submit script gives it; the executors get Spark's own.
        String jvmOptions = System.getProperty("hivescan.spark.jvmOptions");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "@" + jvmOptions, "-Xmx1g",
                "-cp", sparkHome.resolve("jars") + File.separator + "*", "org.apache.spark.deploy.SparkSubmit",
                "--class", "org.hivescan.spark.Main", "--master", "local-cluster[2,1,1024]",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                System.getProperty("hivescan.spark.jar"), "scan", fleet.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("submit.log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(dir.resolve("submit.log"), StandardCharsets.UTF_8);
        assertThat(ended).as("spark-submit ended within %d s; log:%n%s", TIMEOUT_SECONDS, log).isTrue();
        // The generated fleet holds unreadable hosts, so the scan's exit status is 3 (an ERROR row), not a failure.
        assertThat(p.exitValue()).as(log).isEqualTo(3);
        assertThat(log).contains("master local-cluster[2,1,1024]");
        assertThat(TestFleet.hostLines(out)).hasSizeGreaterThanOrEqualTo(15).isEqualTo(TestFleet.hostLines(local));
        assertThat(TestFleet.csvRows(out.resolve("summary.csv")))
                .isEqualTo(TestFleet.csvRows(local.resolve("summary.csv")));
        assertThat(out.resolve("rules.parquet").resolve("_SUCCESS")).exists();
    }

    /**
     * A Spark installation's layout for the launcher that starts executors: {@code jars/} with Spark and Hadoop
     * (linked from this build's class path, without hivescan's own libraries) and the {@code RELEASE} marker that
     * tells the launcher to take its class path from {@code jars/}.
     */
    private static Path sparkHome(Path home) throws Exception {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark for hivescan's spark-submit test\n");
        String classpath = Files.readString(Path.of(System.getProperty("hivescan.spark.classpath")),
                StandardCharsets.UTF_8).trim();
        List<String> entries = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !Path.of(e).getFileName().toString().startsWith("picocli"))
                .toList();
        assertThat(entries).anyMatch(e -> e.contains("spark-core_2.13"));
        for (String entry : entries) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return home;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
