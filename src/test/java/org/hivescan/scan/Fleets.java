package org.hivescan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hivescan.TestPaths;
import org.hivescan.cli.Main;

/** Builds fleets with testdata/fleet/make_fleet.py and runs scans over them, in process or in a child JVM. */
final class Fleets {
    static final ObjectMapper JSON = new ObjectMapper();

    private Fleets() {
    }

    /** A fleet of about {@code hosts} hosts in {@code dir} (which must not exist or be empty). */
    static Path make(Path dir, int hosts, boolean looseOnly) throws IOException, InterruptedException {
        return make(dir, hosts, looseOnly ? "--loose-only" : null);
    }

    /** A fleet of {@code hosts} VHDX disk images, one host each. */
    static Path images(Path dir, int hosts) throws IOException, InterruptedException {
        return make(dir, hosts, "--images-only");
    }

    private static Path make(Path dir, int hosts, String only) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3",
                TestPaths.testdata().resolve("fleet/make_fleet.py").toString(), dir.toString(), "--hosts",
                String.valueOf(hosts), "--shared", TestPaths.shared().toString()));
        if (only != null) {
            cmd.add(only);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("make_fleet.py failed: " + out);
        }
        return dir;
    }

    static JsonNode manifest(Path fleet) throws IOException {
        return JSON.readTree(fleet.resolve("fleet.json").toFile()).path("hosts");
    }

    /** The result of one in-process command line. */
    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.run(args, out, new PrintWriter(err));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** A child JVM running {@code hivescan ARGS} with this test's class path. */
    static ProcessBuilder childScan(Path logFile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
    }

    static List<JsonNode> lines(Path jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    static JsonNode expected(String scenario) throws IOException {
        return JSON.readTree(TestPaths.testdata().resolve("hosts").resolve(scenario).resolve("expected.json")
                .toFile());
    }
}
