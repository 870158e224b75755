package org.hivescan.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hivescan.scan.Discovery;
import org.hivescan.scan.Grouping;
import org.hivescan.scan.HiveCandidate;
import org.hivescan.scan.HostAuditor;
import org.hivescan.scan.HostGrouper;
import org.hivescan.scan.HostPlan;
import org.hivescan.scan.HostResult;
import org.hivescan.scan.ScanTotals;
import org.hivescan.spark.fs.HadoopScanFiles;
import scala.Tuple2;

/**
 * The bulk scan as a Spark job, built from the scan's own parts:
 * <ol>
 * <li>listing: input folders on the driver, everything below them in tasks ({@link Listing});</li>
 * <li>discovery: each file (hive, zip central directory, disk image partition table) opened in a task by the
 * scan's {@link Discovery#candidatesIn}, files spread over tasks by size ({@link Balance});</li>
 * <li>grouping: the candidates (a few hundred bytes each) gathered on the driver in the local walk's order and
 * grouped by the scan's {@link HostGrouper}, so host ids and duplicates are the local scan's;</li>
 * <li>audit: each host audited by the scan's {@link HostAuditor} in a task, hosts spread over tasks by the size of
 * their hives, under the per-host time limit;</li>
 * <li>outputs: the Parquet rule table written by the executors through Spark's commit protocol, and the host
 * lines streamed to the driver partition by partition, in host order, for hosts.jsonl, summary.csv, report.html
 * and fixes/.</li>
 * </ol>
 * Retries cannot duplicate a host: every output is built from the audit stage's shuffle output, of which Spark keeps
 * exactly one attempt per task, keyed by the host's index; the driver also drops any host id it has already
 * written.
 */
public final class SparkScan {
    private final SparkSession spark;
    private final JavaSparkContext jsc;

    public SparkScan(SparkSession spark) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** What the command asked for. */
    public record Options(List<String> roots, String out, boolean force, boolean hash, int timeoutPerHostSeconds,
            int partitions) {
    }

    /**
     * What a run produced.
     *
     * @param reportPath where report.html is
     * @param totals hosts by status, as the local scan counts them
     * @param discoveryBytes bytes fetched by listing and discovery tasks
     * @param groupingBytes bytes fetched on the driver to confirm duplicates by SHA-256
     * @param auditBytes bytes fetched by the audits, all hosts
     * @param maxHostBytes bytes fetched by the costliest host's audit
     * @param seconds wall time of the job, without Spark's start-up
     * @param phases the seconds each phase took
     */
    public record Outcome(String reportPath, ScanTotals totals, long discoveryBytes, long groupingBytes,
            long auditBytes, long maxHostBytes, double seconds, String phases) {
        public int exitCode() {
            return totals.exitCode();
        }

        /** The line the local scan prints, then what reading cost. */
        public String summary() {
            StringBuilder b = new StringBuilder().append(totals.hosts()).append(" hosts:");
            for (String s : List.of("READY", "NOT READY", "UNKNOWN", "ERROR", "DUPLICATE")) {
                b.append(' ').append(s).append(' ').append(totals.count(s)).append(',');
            }
            b.setLength(b.length() - 1);
            if (totals.ambiguities() > 0) {
                b.append("; ").append(totals.ambiguities()).append(" ambiguous folder(s) not merged");
            }
            return b.toString();
        }

        public String costs() {
            return String.format(java.util.Locale.ROOT, "hivescan-spark: job %.2f s (%s); bytes read: discovery %d, "
                    + "duplicate checks %d, audits %d (costliest host %d)", seconds, phases, discoveryBytes,
                    groupingBytes, auditBytes, maxHostBytes);
        }
    }

    /** A usage problem found before any work: an input that does not exist, outputs in the way. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public Outcome run(Options options) throws IOException, UsageException {
        long started = System.nanoTime();
        HadoopScanFiles files = new HadoopScanFiles(jsc.hadoopConfiguration());
        for (String root : options.roots()) {
            try {
                files.stat(root);
            } catch (java.io.FileNotFoundException e) {
                throw new UsageException("no such file or folder: " + root);
            }
        }
        ScanOutputs outputs = ScanOutputs.prepare(jsc.hadoopConfiguration(), options.out(), options.force());
        ScanOutputs.warmUp(spark);
        Phases phases = new Phases();
        Listing listing = Listing.list(jsc, files, options.roots(), options.partitions());
        phases.done("listing");
        Candidates found = Candidates.discover(jsc, files, options.hash(), listing, options.partitions());
        phases.done("discovery");
        Grouping grouping = HostGrouper.over(files).group(found.candidates());
        List<HostPlan> plans = grouping.hosts();
        phases.done("grouping");
        JavaPairRDD<Integer, HostResult> results = audit(plans, files, options);
        ScanOutputs.Written written = outputs.write(spark, results, grouping);
        phases.done("audit+outputs");
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Outcome(outputs.reportPath(), written.totals(), found.bytesRead(), files.bytesFetched(),
                written.auditBytes(), written.maxHostBytes(), seconds, phases.toString());
    }

    /** Audits every plan in tasks; the result, keyed by plan index, range-partitioned and sorted by it. */
    JavaPairRDD<Integer, HostResult> audit(List<HostPlan> plans, HadoopScanFiles files, Options options) {
        List<Tuple2<Integer, HostPlan>> indexed = new ArrayList<>(plans.size());
        long[] weights = new long[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            indexed.add(new Tuple2<>(i, plans.get(i)));
            weights[i] = weight(plans.get(i));
        }
        int tasks = Balance.tasks(plans.size(), jsc.defaultParallelism(), options.partitions());
        List<List<Tuple2<Integer, HostPlan>>> groups = Balance.groups(indexed, weights, tasks);
        java.time.Duration limit = java.time.Duration.ofSeconds(options.timeoutPerHostSeconds());
        int failPartition = jsc.getConf().getInt(FaultInjection.PARTITION_KEY, -1);
        FaultInjection fault = failPartition < 0 ? FaultInjection.OFF : new FaultInjection(failPartition);
        // Routed by index range, then sorted by our own code: Spark's sorting shuffle reader samples the size of
        // every (large) result as it buffers, which cost more than the audits themselves.
        return jsc.parallelize(groups, Math.max(1, groups.size()))
                .flatMapToPair(group -> new AuditIterator(files, limit, fault, group))
                .partitionBy(new Balance.Ranges(plans.size(), tasks))
                .mapPartitionsToPair(SparkScan::byIndex, true);
    }

    /** A partition's results in index order (at most {@link Balance#MAX_ITEMS_PER_TASK} hosts by default). */
    static Iterator<Tuple2<Integer, HostResult>> byIndex(Iterator<Tuple2<Integer, HostResult>> results) {
        List<Tuple2<Integer, HostResult>> all = new ArrayList<>();
        results.forEachRemaining(all::add);
        all.sort(java.util.Comparator.comparing(Tuple2::_1));
        return all.iterator();
    }

    /** What a host's audit costs, for balancing: the bytes of its hives (a duplicate or error row costs little). */
    static long weight(HostPlan plan) {
        if (plan.error() != null || plan.duplicateOf() != null) {
            return 1;
        }
        long bytes = 4096;
        for (HiveCandidate c : new HiveCandidate[] {plan.system(), plan.software()}) {
            if (c != null && c.size() > 0) {
                bytes += c.size();
            }
        }
        return bytes;
    }

    /**
     * Audits a task's hosts one at a time as Spark pulls them, so a task holds one result at a time; each result
     * carries the bytes that host made the task fetch.
     */
    static final class AuditIterator implements Iterator<Tuple2<Integer, HostResult>> {
        private final HadoopScanFiles files;
        private final HostAuditor auditor;
        private final TimedAudit timed;
        private final FaultInjection fault;
        private final List<Tuple2<Integer, HostPlan>> group;
        private int next;

        AuditIterator(HadoopScanFiles shared, java.time.Duration limit, FaultInjection fault,
                List<Tuple2<Integer, HostPlan>> group) {
            this.files = shared.withFreshCounter();
            this.auditor = new HostAuditor(files, null);
            this.timed = new TimedAudit(limit);
            this.fault = fault;
            this.group = group;
        }

        @Override
        public boolean hasNext() {
            if (next < group.size()) {
                return true;
            }
            timed.close();
            return false;
        }

        @Override
        public Tuple2<Integer, HostResult> next() {
            if (next >= group.size()) {
                throw new NoSuchElementException();
            }
            fault.maybeFail(next, group.size());
            Tuple2<Integer, HostPlan> item = group.get(next++);
            long before = files.bytesFetched();
            HostResult r = timed.audit(auditor, item._2());
            long bytes = files.bytesFetched() - before;
            return new Tuple2<>(item._1(), new HostResult(r.hostId(), r.name(), r.status(), r.jsonLine(), r.csvRow(),
                    r.rules(), r.fixFiles(), bytes));
        }
    }

    /** Seconds per phase, for the closing line and the benchmark. */
    private static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long mark = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            text.append(text.length() == 0 ? "" : ", ").append(phase).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.2f s", (now - mark) / 1e9));
            mark = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
