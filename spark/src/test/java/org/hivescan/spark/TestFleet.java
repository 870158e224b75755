package org.hivescan.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hivescan.scan.LocalScanFiles;
import org.hivescan.scan.ScanOptions;
import org.hivescan.scan.ScanRun;

/** The bulk scan's generated test fleet, and the local scan's outputs over it, for comparison. */
final class TestFleet {
    static final ObjectMapper JSON = new ObjectMapper();

    private TestFleet() {
    }

    static Path testdata() {
        return Path.of(System.getProperty("hivescan.testdata", "../testdata")).toAbsolutePath().normalize();
    }

    /** A fleet of about {@code hosts} hosts made by testdata/fleet/make_fleet.py in {@code dir}. */
    static Path make(Path dir, int hosts) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", testdata().resolve("fleet/make_fleet.py").toString(),
                dir.toString(), "--hosts", String.valueOf(hosts)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("make_fleet.py failed: " + out);
        }
        return dir;
    }

    /** {@code hivescan scan --jobs 2} over {@code fleet}, in process, into {@code out}. */
    static void localScan(Path fleet, Path out) throws Exception {
        ScanOptions options = new ScanOptions(out, 2, false, false, false, Duration.ofSeconds(60), null);
        new ScanRun(new LocalScanFiles(), options, ScanRun.Progress.NONE).run(List.of(fleet.toString()));
    }

    /** The lines of hosts.jsonl with timing fields removed, sorted: equal outputs give equal lists. */
    static List<String> hostLines(Path out) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("hosts.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            dropTiming(node);
            lines.add(JSON.writeValueAsString(node));
        }
        lines.sort(null);
        return lines;
    }

    /** Fields that measure a run rather than describe a host (a duration, a time of scanning). */
    private static void dropTiming(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (name.endsWith("_ms") || name.startsWith("elapsed") || name.equals("scanned_at")) {
                    names.remove();
                }
            }
        }
        node.forEach(TestFleet::dropTiming);
    }

    /** The rows of a CSV (CRLF line ends; cells never hold a raw line break: they are escaped), sorted. */
    static List<String> csvRows(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>(List.of(text.split("\r\n")));
        rows.sort(null);
        return rows;
    }

    static List<String> tree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : ":" + size(p))).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
