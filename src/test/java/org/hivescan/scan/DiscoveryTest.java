package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery by content, the same over local files and over a file system without local paths. */
class DiscoveryTest {
    @TempDir
    static Path tmp;
    static Path fleet;

    @BeforeAll
    static void fleet() throws Exception {
        fleet = Fleets.make(tmp.resolve("fleet"), 30, false);
    }

    private static List<String> describe(List<HiveCandidate> found) {
        return found.stream().sorted(Comparator.comparing(c -> c.source().toString()))
                .map(c -> c.source() + " " + c.kind() + " " + c.fingerprint() + " " + c.computerName() + " "
                        + c.prefix() + " " + c.logs()).toList();
    }

    @Test
    void aRemoteFileSystemFindsExactlyWhatTheLocalOneFinds() throws Exception {
        List<HiveCandidate> local = new Discovery(new LocalScanFiles(), false).discover(fleet.toString());
        List<HiveCandidate> remote = new Discovery(new RemoteLikeFiles(null, 0), false).discover(fleet.toString());
        assertThat(describe(remote)).isEqualTo(describe(local));
        assertThat(local).filteredOn(c -> c.source().type() == SourceRef.Type.ZIP_MEMBER)
                .extracting(HiveCandidate::kind).containsOnly(ContentKind.SYSTEM, ContentKind.SOFTWARE).hasSize(8);
        assertThat(local).filteredOn(c -> c.source().type() == SourceRef.Type.IMAGE_FILE)
                .extracting(c -> c.source().fileName() + " " + c.kind() + " " + c.logs().size())
                .containsExactlyInAnyOrder("SYSTEM SYSTEM 0", "SOFTWARE SOFTWARE 0", "SYSTEM SYSTEM 1",
                        "SOFTWARE SOFTWARE 0");
        assertThat(local).filteredOn(c -> c.source().toString().endsWith("NTUSER.DAT")).singleElement()
                .extracting(HiveCandidate::kind).isEqualTo(ContentKind.OTHER);
    }

    @Test
    void kindsComeFromContentNotNames(@TempDir Path dir) throws Exception {
        Path hosts = TestPaths.testdata().resolve("hosts/05-2016-defaults");
        Files.copy(hosts.resolve("SYSTEM"), dir.resolve("software"));
        Files.copy(hosts.resolve("SOFTWARE"), dir.resolve("data.bin"));
        Files.writeString(dir.resolve("SYSTEM"), "just text");
        Files.writeString(dir.resolve("notes.txt"), "not a hive, not named like one");
        List<HiveCandidate> found = new Discovery(new LocalScanFiles(), false).discover(dir.toString());
        assertThat(describe(found)).hasSize(3);
        assertThat(found).filteredOn(c -> c.source().fileName().equals("software")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(ContentKind.SYSTEM))
                .satisfies(c -> assertThat(c.computerName()).isEqualTo("RDS-2016-01"));
        assertThat(found).filteredOn(c -> c.source().fileName().equals("data.bin")).singleElement()
                .extracting(HiveCandidate::kind).isEqualTo(ContentKind.SOFTWARE);
        assertThat(found).filteredOn(c -> c.source().fileName().equals("SYSTEM")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(ContentKind.UNREADABLE))
                .satisfies(c -> assertThat(c.problem()).contains("not a hive").contains("regf"));
    }

    @Test
    void transactionLogsAreTakenWithTheirHiveNotAsHives(@TempDir Path dir) throws Exception {
        Path hosts = TestPaths.testdata().resolve("hosts/05-2016-defaults");
        Files.copy(hosts.resolve("SYSTEM"), dir.resolve("SYSTEM"));
        byte[] log = Files.readAllBytes(hosts.resolve("SYSTEM"));
        log[0x1C] = 1; // base block file type 1: an old-format transaction log
        Files.write(dir.resolve("system.LOG1"), log);
        List<HiveCandidate> found = new Discovery(new LocalScanFiles(), false).discover(dir.toString());
        assertThat(found).singleElement().satisfies(c -> assertThat(c.logs()).extracting(SourceRef::fileName)
                .containsExactly("system.LOG1"));
    }

    @Test
    void aHostThatHangsBecomesATimedOutErrorRowAndTheScanFinishes() throws Exception {
        Path small = Fleets.make(tmp.resolve("small"), 6, true);
        Path out = tmp.resolve("out-timeout");
        // Discovery opens each file twice (head, then content); the third open is the audit's.
        ScanOptions options = new ScanOptions(out, 2, false, false, false, Duration.ofSeconds(1), null);
        long t0 = System.nanoTime();
        ScanTotals totals = new ScanRun(new RemoteLikeFiles("loose/03-", 3), options, ScanRun.Progress.NONE)
                .run(List.of(small.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(totals.hosts()).isEqualTo(6);
        assertThat(totals.count("ERROR")).as(Files.readString(out.resolve("summary.csv"))).isEqualTo(1);
        assertThat(totals.exitCode()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("hosts.jsonl"))).contains("timed out: not finished within 1 s");
        assertThat(Files.readString(out.resolve("summary.csv"))).containsOnlyOnce("timed out");
    }
}
