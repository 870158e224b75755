package org.hivescan.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.hivescan.scan.FixFilesWriter;
import org.hivescan.scan.Grouping;
import org.hivescan.scan.HostAuditor;
import org.hivescan.scan.HostResult;
import org.hivescan.scan.HostsJsonlWriter;
import org.hivescan.scan.HtmlReportWriter;
import org.hivescan.scan.RuleRow;
import org.hivescan.scan.ScanTotals;
import org.hivescan.scan.SummaryCsvWriter;
import org.hivescan.spark.fs.HadoopScanFiles;
import scala.Tuple2;

/**
 * The outputs of a Spark scan, with the names and schemas of {@code hivescan scan}: {@code hosts.jsonl},
 * {@code summary.csv}, {@code report.html} and {@code fixes/} written on the driver by the scan's own writers from
 * the streamed results, plus {@value #RULES} (one row per host and rule) written by the executors, and
 * {@value #BYTES} (what each host cost to read).
 *
 * <p>{@code --out} may be any Hadoop path. On the local file system the driver writes straight into it; elsewhere
 * (HDFS, S3) it writes into a local staging folder and copies the finished files up, since the scan's writers
 * write local files.
 */
final class ScanOutputs {
    static final String HOSTS = "hosts.jsonl";
    static final String SUMMARY = "summary.csv";
    static final String REPORT = "report.html";
    static final String FIXES = "fixes";
    static final String RULES = "rules.parquet";
    static final String BYTES = "bytes-read.csv";
    private static final List<String> ALL = List.of(HOSTS, SUMMARY, REPORT, FIXES, RULES, BYTES);
    /** The local scan's report title. */
    private static final String TITLE = "hivescan scan: TLS 1.2 readiness for Microsoft 365";

    /**
     * The Parquet table's columns: one row per host and rule. {@code host_id} is the host's identity (the key of
     * every output), {@code host} its name; {@code stacks} lists every stack the rule belongs to (a rule may serve
     * several); {@code evidence_paths} the key paths, with value names, the rule read.
     */
    static final StructType RULE_SCHEMA = new StructType()
            .add("host_id", DataTypes.StringType, false)
            .add("host", DataTypes.StringType, true)
            .add("build", DataTypes.StringType, true)
            .add("stacks", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("rule", DataTypes.StringType, false)
            .add("verdict", DataTypes.StringType, true)
            .add("severity", DataTypes.StringType, true)
            .add("evidence_paths", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private final Configuration conf;
    private final org.apache.hadoop.fs.Path out;
    private final FileSystem outFs;
    private final Path local;
    private final boolean staged;

    private ScanOutputs(Configuration conf, org.apache.hadoop.fs.Path out, FileSystem outFs, Path local,
            boolean staged) {
        this.conf = conf;
        this.out = out;
        this.outFs = outFs;
        this.local = local;
        this.staged = staged;
    }

    /** Checks {@code out} before any work: existing outputs are an error unless {@code force}, then removed. */
    static ScanOutputs prepare(Configuration conf, String outPath, boolean force)
            throws IOException, SparkScan.UsageException {
        org.apache.hadoop.fs.Path given = HadoopScanFiles.toHadoop(outPath);
        FileSystem fs = given.getFileSystem(conf);
        org.apache.hadoop.fs.Path out = fs.makeQualified(given);
        List<String> present = new ArrayList<>();
        for (String name : ALL) {
            if (fs.exists(new org.apache.hadoop.fs.Path(out, name))) {
                present.add(name);
            }
        }
        if (!present.isEmpty() && !force) {
            throw new SparkScan.UsageException(out + " already holds " + present + "; use --force to replace them");
        }
        for (String name : present) {
            fs.delete(new org.apache.hadoop.fs.Path(out, name), true);
        }
        fs.mkdirs(out);
        boolean isLocal = "file".equals(out.toUri().getScheme());
        Path local = isLocal ? Path.of(out.toUri()) : Files.createTempDirectory("hivescan-spark-out");
        return new ScanOutputs(conf, out, fs, local, !isLocal);
    }

    /**
     * Starts Spark SQL's set-up (session state, analyser, planner, the Parquet source), which it does lazily on
     * first use and which takes seconds, on a background thread, so that it overlaps listing and discovery instead
     * of delaying the audit stage, which the Parquet write launches. Failures are left to the real write to report.
     */
    static CompletableFuture<Void> warmUp(SparkSession spark) {
        return CompletableFuture.runAsync(() -> {
            spark.createDataFrame(List.<Row>of(), RULE_SCHEMA).queryExecution().executedPlan();
            DataSource.lookupDataSource("parquet", spark.sessionState().conf());
        }).exceptionally(e -> null);
    }

    /** The report's path as the user will open it. */
    String reportPath() {
        return new org.apache.hadoop.fs.Path(out, REPORT).toString();
    }

    /** What the driver wrote: the scan's totals and what the hosts cost to read. */
    record Written(ScanTotals totals, long auditBytes, long maxHostBytes) {
    }

    /** Writes every output from the audit results (sorted by host index). */
    Written write(SparkSession spark, JavaPairRDD<Integer, HostResult> results, Grouping grouping)
            throws IOException {
        // Both outputs read the sorted results: kept serialized once (spilling to disk) rather than fetched and
        // sorted again from the shuffle by each of the driver's per-partition reads.
        JavaPairRDD<Integer, HostResult> kept = results.persist(StorageLevel.MEMORY_AND_DISK_SER());
        Written totals;
        try {
            writeRules(spark, kept.values());
            totals = writeHostFiles(kept.toLocalIterator(), grouping);
        } finally {
            kept.unpersist(false);
        }
        if (staged) {
            for (String name : List.of(HOSTS, SUMMARY, REPORT, FIXES, BYTES)) {
                Path file = local.resolve(name);
                if (Files.exists(file)) {
                    outFs.copyFromLocalFile(true, true, new org.apache.hadoop.fs.Path(file.toUri()),
                            new org.apache.hadoop.fs.Path(out, name));
                }
            }
        }
        return totals;
    }

    private void writeRules(SparkSession spark, JavaRDD<HostResult> results) {
        JavaRDD<Row> rows = results.flatMap(r -> {
            List<Row> out = new ArrayList<>(r.rules().size());
            for (RuleRow rule : r.rules()) {
                out.add(RowFactory.create(rule.hostId(), r.name(), rule.build(), rule.stacks().toArray(new String[0]),
                        rule.rule(), rule.verdict(), rule.severity(), rule.evidence().toArray(new String[0])));
            }
            return out.iterator();
        });
        spark.createDataFrame(rows, RULE_SCHEMA).write().mode(SaveMode.ErrorIfExists)
                .parquet(new org.apache.hadoop.fs.Path(out, RULES).toString());
    }

    private Written writeHostFiles(Iterator<Tuple2<Integer, HostResult>> results, Grouping grouping)
            throws IOException {
        Map<String, Long> byStatus = new HashMap<>();
        long auditBytes = 0;
        long maxHostBytes = 0;
        Set<String> written = new HashSet<>();
        List<String> header = new HostAuditor(new HadoopScanFiles(conf), null).csvHeader();
        FixFilesWriter fixes = new FixFilesWriter(local);
        try (HostsJsonlWriter hosts = HostsJsonlWriter.create(local.resolve(HOSTS));
                SummaryCsvWriter summary = new SummaryCsvWriter(writer(local.resolve(SUMMARY)), header);
                SummaryCsvWriter bytes = new SummaryCsvWriter(writer(local.resolve(BYTES)),
                        List.of("host_id", "name", "status", "bytes_read"));
                HtmlReportWriter report = new HtmlReportWriter(local.resolve(REPORT), TITLE)) {
            while (results.hasNext()) {
                HostResult r = results.next()._2();
                // Keyed by host identity: a host already written is never written again.
                if (!written.add(r.hostId())) {
                    continue;
                }
                // Fix files first, as the local scan does: a host whose line is written has its fixes complete.
                fixes.write(r);
                hosts.write(r.jsonLine());
                summary.row(r.csvRow());
                bytes.row(List.of(r.hostId(), String.valueOf(r.name()), r.status(), Long.toString(r.bytesRead())));
                report.add(r.jsonLine());
                byStatus.merge(r.status(), 1L, Long::sum);
                auditBytes += Math.max(0, r.bytesRead());
                maxHostBytes = Math.max(maxHostBytes, r.bytesRead());
            }
        }
        return new Written(new ScanTotals(byStatus, grouping.ambiguities().size(), grouping.skipped().size()),
                auditBytes, maxHostBytes);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW),
                StandardCharsets.UTF_8));
    }
}
