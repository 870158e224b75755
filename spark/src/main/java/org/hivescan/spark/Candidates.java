package org.hivescan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.hivescan.scan.Discovery;
import org.hivescan.scan.HiveCandidate;
import org.hivescan.scan.ScanEntry;
import org.hivescan.spark.fs.HadoopScanFiles;

/**
 * Distributed discovery: every listed file is opened in a task by the scan's own {@link Discovery#candidatesIn}
 * (a hive's base block and root keys, a zip's central directory, an image's partition table), with files spread
 * over tasks by size so that a few huge images do not queue behind one another. Each file's folder listing (where
 * its transaction logs are) is broadcast once rather than listed again per file. What comes back to the driver is
 * only the candidates, put in the local scan's order: folder problems first, then files in walk order.
 *
 * @param candidates the hive candidates, in the local scan's order
 * @param bytesRead bytes fetched by discovery (a retried task counts twice: it is a cost, not an output)
 */
record Candidates(List<HiveCandidate> candidates, long bytesRead) {

    /** One file to look into: its folder's index in the listing, its own index there, the file. */
    record FileItem(int folder, int index, ScanEntry file) implements Serializable {
        private static final long serialVersionUID = 1L;
        static final Comparator<FileItem> WALK_ORDER = Comparator.comparingInt(FileItem::folder)
                .thenComparingInt(FileItem::index);
    }

    /** One file's candidates. */
    record Found(FileItem item, List<HiveCandidate> candidates) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static Candidates discover(JavaSparkContext jsc, HadoopScanFiles files, boolean hash, Listing listing,
            int requestedTasks) {
        List<FileItem> items = new ArrayList<>();
        List<List<ScanEntry>> siblings = new ArrayList<>();
        for (int f = 0; f < listing.folders().size(); f++) {
            Listing.FolderEntries folder = listing.folders().get(f);
            siblings.add(folder.entries());
            for (int i = 0; i < folder.files().size(); i++) {
                items.add(new FileItem(f, i, folder.files().get(i)));
            }
        }
        List<HiveCandidate> candidates = new ArrayList<>(listing.problems());
        if (items.isEmpty()) {
            return new Candidates(candidates, 0);
        }
        long[] weights = items.stream().mapToLong(i -> Math.max(1, i.file().size())).toArray();
        int tasks = Balance.tasks(items.size(), jsc.defaultParallelism(), requestedTasks);
        List<List<FileItem>> groups = Balance.groups(items, weights, tasks);
        Broadcast<List<List<ScanEntry>>> entries = jsc.broadcast(siblings);
        LongAccumulator bytes = jsc.sc().longAccumulator("hivescan discovery bytes");
        List<Found> found = new ArrayList<>(jsc.parallelize(groups, groups.size()).flatMap(group -> {
            HadoopScanFiles counted = files.withFreshCounter();
            Discovery discovery = new Discovery(counted, hash);
            List<Found> out = new ArrayList<>(group.size());
            for (FileItem item : group) {
                out.add(new Found(item, discovery.candidatesIn(item.file(), entries.value().get(item.folder()))));
            }
            bytes.add(counted.bytesFetched());
            return out.iterator();
        }).collect());
        entries.destroy();
        found.sort(Comparator.comparing(Found::item, FileItem.WALK_ORDER));
        for (Found f : found) {
            candidates.addAll(f.candidates());
        }
        return new Candidates(candidates, bytes.value());
    }
}
