package org.hivescan.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.hivescan.scan.Discovery;
import org.hivescan.scan.HiveCandidate;
import org.hivescan.spark.fs.HadoopScanFiles;

/**
 * Distributed discovery: every listed file is opened in a task by the scan's own {@link Discovery} (a hive's base
 * block and root keys, a zip's central directory, an image's partition table), with files spread over tasks by
 * size. What comes back to the driver is only the candidates, in the local walk's order.
 *
 * @param candidates the hive candidates, in the order the local scan's walk finds them
 * @param bytesRead bytes fetched by discovery (a retried task counts twice: it is a cost, not an output)
 */
record Candidates(List<HiveCandidate> candidates, long bytesRead) {

    /** One file's candidates, tagged with the file's place in the walk. */
    record Found(WorkItem item, List<HiveCandidate> candidates) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static Candidates discover(JavaSparkContext jsc, HadoopScanFiles files, boolean hash, List<WorkItem> items,
            int requestedTasks) throws IOException {
        if (items.isEmpty()) {
            return new Candidates(List.of(), 0);
        }
        long[] weights = items.stream().mapToLong(WorkItem::weight).toArray();
        int tasks = Balance.tasks(items.size(), jsc.defaultParallelism(), requestedTasks);
        List<List<WorkItem>> groups = Balance.groups(items, weights, tasks);
        LongAccumulator bytes = jsc.sc().longAccumulator("hivescan discovery bytes");
        List<Found> found = new ArrayList<>(jsc.parallelize(groups, groups.size()).flatMap(group -> {
            HadoopScanFiles counted = files.withFreshCounter();
            Discovery discovery = new Discovery(counted, hash);
            List<Found> out = new ArrayList<>(group.size());
            for (WorkItem item : group) {
                out.add(new Found(item, candidatesOf(discovery, item)));
            }
            bytes.add(counted.bytesFetched());
            return out.iterator();
        }).collect());
        found.sort(Comparator.comparing(Found::item, WorkItem.WALK_ORDER));
        List<HiveCandidate> candidates = new ArrayList<>();
        for (Found f : found) {
            candidates.addAll(f.candidates());
        }
        return new Candidates(candidates, bytes.value());
    }

    private static List<HiveCandidate> candidatesOf(Discovery discovery, WorkItem item) throws IOException {
        return item.file() != null ? discovery.candidatesIn(item.file()) : discovery.discover(item.folder());
    }
}
