package org.hivescan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hivescan.spark.fs.CountingFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark scan against the local scan on the bulk scan's generated fleet (about 60 hosts with loose folders,
 * config trees, prefix pairs, KAPE and Velociraptor zips, duplicates, broken inputs and hostile names).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkScanFleetTest {
    private Path dir;
    private Path fleet;
    private Path local;

    @BeforeAll
    void fleetAndLocalScan(@TempDir Path tmp) throws Exception {
        dir = tmp;
        fleet = TestFleet.make(dir.resolve("fleet"), 60);
        local = dir.resolve("local");
        TestFleet.localScan(fleet, local);
    }

    private static SparkSession session(String master, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName("hivescan-spark test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        conf.forEach(b::config);
        return b.getOrCreate();
    }

    private static SparkScan.Options options(String root, Path out) {
        return new SparkScan.Options(List.of(root), out.toString(), false, false, 60, 0);
    }

    @Test
    void onLocalTwoTheOutputsAreTheLocalScans() throws Exception {
        Path out = dir.resolve("spark");
        SparkScan.Outcome outcome;
        List<String> ruleRows;
        try (SparkSession spark = session("local[2]", Map.of())) {
            outcome = new SparkScan(spark).run(options(fleet.toString(), out));
            Dataset<Row> table = spark.read().parquet(out.resolve("rules.parquet").toString());
            assertThat(table.schema().simpleString()).isEqualTo("struct<host_id:string,host:string,build:string,"
                    + "stacks:array<string>,rule:string,verdict:string,severity:string,evidence_paths:array<string>>");
            ruleRows = ruleKeys(table);
        }
        List<String> lines = TestFleet.hostLines(out);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(55).doesNotHaveDuplicates();
        assertThat(lines).isEqualTo(TestFleet.hostLines(local));
        assertThat(TestFleet.csvRows(out.resolve("summary.csv"))).isEqualTo(TestFleet.csvRows(local.resolve("summary.csv")));
        assertThat(TestFleet.tree(out.resolve("fixes"))).isNotEmpty().isEqualTo(TestFleet.tree(local.resolve("fixes")));
        assertThat(outcome.totals().exitCode()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
                .contains("&lt;script&gt;").doesNotContain("<script>alert");

        // The Parquet table has one row per host and rule, as the lines list them.
        assertThat(ruleRows).hasSizeGreaterThan(500).isEqualTo(ruleKeysOf(out));
        assertThat(ruleRows).anyMatch(r -> r.contains(" FAIL ")).anyMatch(r -> r.contains(" PASS "));
    }

    /** Each Parquet row as "host_id rule verdict severity evidence-count", sorted. */
    private static List<String> ruleKeys(Dataset<Row> table) {
        return table.collectAsList().stream().map(r -> r.getAs("host_id") + " " + r.getAs("rule") + " "
                + r.getAs("verdict") + " " + r.getAs("severity") + " " + r.getList(r.fieldIndex("evidence_paths")).size())
                .sorted().toList();
    }

    /** The same keys read from the audit of each line of hosts.jsonl. */
    private static List<String> ruleKeysOf(Path out) throws Exception {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("hosts.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode host = TestFleet.JSON.readTree(line);
            for (JsonNode rule : host.path("audit").path("rules")) {
                keys.add(host.path("host_id").asText() + " " + rule.path("id").asText() + " "
                        + rule.path("verdict").asText() + " " + rule.path("severity").asText() + " "
                        + rule.path("evidence").size());
            }
        }
        keys.sort(null);
        return keys;
    }

    @Test
    void aTaskKilledOnItsFirstAttemptIsRetriedAndTheOutputsStayExact() throws Exception {
        Path out = dir.resolve("spark-fault");
        AtomicInteger failedTasks = new AtomicInteger();
        List<String> reasons = new ArrayList<>();
        List<String> ruleRows;
        try (SparkSession spark = session("local[2,4]", Map.of(FaultInjection.PARTITION_KEY, "1"))) {
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.reason() instanceof TaskFailedReason failed) {
                        failedTasks.incrementAndGet();
                        synchronized (reasons) {
                            reasons.add(failed.toErrorString());
                        }
                    }
                }
            });
            new SparkScan(spark).run(options(fleet.toString(), out));
            ruleRows = ruleKeys(spark.read().parquet(out.resolve("rules.parquet").toString()));
        }
        assertThat(failedTasks.get()).isEqualTo(1);
        assertThat(reasons.get(0)).contains("injected test fault: partition 1 attempt 0");
        List<String> lines = TestFleet.hostLines(out);
        assertThat(lines).doesNotHaveDuplicates().isEqualTo(TestFleet.hostLines(local));
        assertThat(TestFleet.csvRows(out.resolve("summary.csv"))).isEqualTo(TestFleet.csvRows(local.resolve("summary.csv")));
        assertThat(ruleRows).isNotEmpty().doesNotHaveDuplicates().isEqualTo(ruleKeysOf(local));
        assertThat(bytesRead(out)).hasSize(lines.size());
    }

    @Test
    void throughAnotherHadoopFileSystemEveryByteReadIsCountedPerHost() throws Exception {
        Path out = dir.resolve("spark-remote");
        CountingFileSystem.BYTES.clear();
        String root = CountingFileSystem.SCHEME + "://" + fleet;
        SparkScan.Outcome outcome;
        try (SparkSession spark = session("local[2]",
                Map.of("spark.hadoop.fs." + CountingFileSystem.SCHEME + ".impl", CountingFileSystem.class.getName()))) {
            outcome = new SparkScan(spark).run(options(root, out));
        }
        // Every byte the file system delivered is counted by the scan: in discovery, in the driver's duplicate
        // checks, or in one host's audit.
        assertThat(CountingFileSystem.total()).isPositive()
                .isEqualTo(outcome.discoveryBytes() + outcome.groupingBytes() + outcome.auditBytes());
        assertThat(outcome.groupingBytes()).isPositive();
        assertThat(CountingFileSystem.BYTES.keySet()).allMatch(p -> p.startsWith(fleet.toString()));
        // Per host: the audit of a host made of two hive files reads those two files whole (they are smaller than
        // one fetch block) and nothing else.
        Map<String, Long> perHost = bytesRead(out);
        int checked = 0;
        for (String line : Files.readAllLines(out.resolve("hosts.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode host = TestFleet.JSON.readTree(line);
            JsonNode sys = host.path("sources").path("system");
            JsonNode soft = host.path("sources").path("software");
            if (!host.path("status").asText().matches("READY|NOT READY|UNKNOWN") || !"file".equals(sys.path("type").asText())
                    || !"file".equals(soft.path("type").asText())) {
                continue;
            }
            assertThat(sys.path("path").asText()).startsWith(CountingFileSystem.SCHEME + "://");
            long hives = sys.path("size").asLong() + soft.path("size").asLong();
            assertThat(perHost.get(host.path("host_id").asText())).isEqualTo(hives);
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
        // The same hosts and verdicts as the local scan, whatever the file system.
        assertThat(statuses(out)).isEqualTo(statuses(local));
    }

    private static Map<String, Long> bytesRead(Path out) throws Exception {
        Map<String, Long> perHost = new HashMap<>();
        List<String> rows = Files.readAllLines(out.resolve("bytes-read.csv"), StandardCharsets.UTF_8);
        assertThat(rows.get(0)).isEqualTo("\"host_id\",\"name\",\"status\",\"bytes_read\"");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split("\",\"");
            Long before = perHost.put(cells[0].substring(1), Long.parseLong(cells[cells.length - 1].replace("\"", "")));
            assertThat(before).as("a second row for host %s", cells[0]).isNull();
        }
        return perHost;
    }

    private static List<String> statuses(Path out) throws Exception {
        List<String> s = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("hosts.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode host = TestFleet.JSON.readTree(line);
            s.add(host.path("name").asText() + " " + host.path("status").asText());
        }
        s.sort(null);
        return s;
    }
}
