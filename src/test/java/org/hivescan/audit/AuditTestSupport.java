package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hivescan.cli.Main;

/** Shared helpers of the audit tests: running the CLI, reading fixtures, merging .reg files with hivexregedit. */
final class AuditTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();

    private AuditTestSupport() {
    }

    /** What one CLI run produced. */
    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON (exit " + code + ", stderr: " + err + "):\n" + out, e);
            }
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.run(args, out, new PrintWriter(err));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    static Path testdata() {
        return Path.of(System.getProperty("hivescan.testdata", "testdata"));
    }

    static Path shared() {
        return Path.of(System.getProperty("hivescan.shared", "../shared"));
    }

    /** The scenario folders testdata/hosts/NN-name that hold an expected.json, in order. */
    static List<Path> scenarios() {
        try (Stream<Path> dirs = Files.list(testdata().resolve("hosts"))) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d\\d-.+"))
                    .filter(d -> Files.isRegularFile(d.resolve("expected.json"))).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list testdata/hosts", e);
        }
    }

    static Path scenario(String prefix) {
        return scenarios().stream().filter(d -> d.getFileName().toString().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + prefix));
    }

    static JsonNode expected(Path scenario) throws IOException {
        return JSON.readTree(scenario.resolve("expected.json").toFile());
    }

    /** Rule id to verdict, from our JSON report. */
    static Map<String, String> verdicts(JsonNode report) {
        Map<String, String> out = new LinkedHashMap<>();
        report.get("rules").forEach(r -> out.put(r.get("id").asText(), r.get("verdict").asText()));
        return out;
    }

    static JsonNode rule(JsonNode report, String id) {
        for (JsonNode r : report.get("rules")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id + " in the report");
    }

    /** Copies a scenario's two hives into {@code dir}, writable, so a test can change them. */
    static void copyHives(Path scenario, Path dir) throws IOException {
        for (String hive : List.of("SYSTEM", "SOFTWARE")) {
            Path target = dir.resolve(hive);
            Files.copy(scenario.resolve(hive), target);
            target.toFile().setWritable(true);
        }
    }

    /**
     * Merges the per-hive files of an offline fix folder (DIR/SYSTEM.reg, DIR/SOFTWARE.reg) into the hives in
     * {@code dir} with hivexregedit, each file as it is under its HKEY_LOCAL_MACHINE\NAME prefix, exactly as the
     * README tells users to; returns the hives that had changes.
     */
    static List<String> mergeOffline(Path fixDir, Path dir) throws IOException, InterruptedException {
        List<String> merged = new ArrayList<>();
        for (String hive : List.of("SYSTEM", "SOFTWARE")) {
            Path file = fixDir.resolve(hive + ".reg");
            assertThat(file).as("offline fix file").exists();
            hivexregedit("--merge", "--prefix", "HKEY_LOCAL_MACHINE\\" + hive, dir.resolve(hive).toString(),
                    file.toString());
            if (Files.readAllLines(file, StandardCharsets.US_ASCII).stream().anyMatch(l -> l.startsWith("["))) {
                merged.add(hive);
            }
        }
        return merged;
    }

    /** Runs hivexregedit (Debian libwin-hivex-perl; CI installs it) and returns its stdout; fails on error. */
    static String hivexregedit(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("hivexregedit");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hivexregedit finished").isTrue();
        assertThat(p.exitValue()).as("hivexregedit " + String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }
}
