package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --resume} after a real {@code kill -9} of the scanning JVM, with a torn last line added as a write cut
 * short would leave it: the resumed outputs equal, byte for byte, those of a scan that was never interrupted.
 */
class ResumeAfterKillTest {
    private static final int HOSTS = 400;

    @TempDir
    Path tmp;

    @Test
    void resumedScanEqualsAnUninterruptedOne() throws Exception {
        Path fleet = Fleets.make(tmp.resolve("fleet"), HOSTS, true);
        Path whole = tmp.resolve("whole");
        assertThat(Fleets.cli("scan", fleet.toString(), "--out", whole.toString()).exit()).isEqualTo(1);
        List<String> wholeLines = Files.readAllLines(whole.resolve("hosts.jsonl"), StandardCharsets.UTF_8);
        assertThat(wholeLines).hasSize(HOSTS);

        Path cut = tmp.resolve("cut");
        Process child = Fleets.childScan(tmp.resolve("child.log"), "scan", fleet.toString(), "--out",
                cut.toString(), "--jobs", "1").start();
        Path jsonl = cut.resolve("hosts.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lineCount(jsonl) < HOSTS / 10 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no cleanup
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isEqualTo(137);
        long done = lineCount(jsonl);
        assertThat(done).as("killed mid-way").isBetween(1L, HOSTS - 1L);
        assertThat(cut.resolve("report.html")).doesNotExist();

        // A write cut short: half of the next host's line, no newline.
        String next = wholeLines.get((int) done);
        Files.writeString(jsonl, next.substring(0, next.length() / 2), StandardOpenOption.APPEND);

        Fleets.Run resumed = Fleets.cli("scan", fleet.toString(), "--out", cut.toString(), "--resume");
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(1);
        for (String name : List.of("hosts.jsonl", "summary.csv", "report.html")) {
            assertThat(Files.readString(cut.resolve(name))).as(name).isEqualTo(Files.readString(whole.resolve(name)));
        }
        assertThat(tree(cut.resolve("fixes"))).isEqualTo(tree(whole.resolve("fixes")));
    }

    @Test
    void resumeOfAFinishedScanRedoesNothing() throws Exception {
        Path fleet = Fleets.make(tmp.resolve("fleet"), 20, true);
        Path out = tmp.resolve("out");
        Fleets.cli("scan", fleet.toString(), "--out", out.toString());
        String before = Files.readString(out.resolve("hosts.jsonl"));
        Fleets.Run again = Fleets.cli("scan", fleet.toString(), "--out", out.toString(), "--resume");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("hosts.jsonl"))).isEqualTo(before);
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (byte b : bytes) {
            n += b == '\n' ? 1 : 0;
        }
        return n;
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.US_ASCII));
            }
        }
        return out;
    }
}
