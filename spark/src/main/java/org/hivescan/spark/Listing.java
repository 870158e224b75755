package org.hivescan.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.hivescan.scan.Discovery;
import org.hivescan.scan.HiveCandidate;
import org.hivescan.scan.ScanEntry;
import org.hivescan.spark.fs.HadoopScanFiles;

/**
 * Distributed listing. The driver lists only the input folders themselves; each of their subfolders is walked in a
 * task by the scan's own {@link Discovery#walk}, so a tree of millions of files on HDFS or S3 is listed by the
 * cluster, not by one process. The folders come back in the local scan's walk order (an input's own files, then
 * its subfolders in name order, each depth first), and so do the problems (folders that cannot be listed).
 *
 * <p>One difference from the local walk: a subfolder's walk starts its depth count afresh, so the depth guard
 * allows one more level (65 instead of 64) below an input folder.
 *
 * @param folders every folder (or single-file input) in walk order, with its entries
 * @param problems the UNREADABLE candidates of folders that could not be listed, in walk order
 */
record Listing(List<Listing.FolderEntries> folders, List<HiveCandidate> problems) {

    /** A subfolder of an input path, walked in one task; {@code unit} orders it among the input's subfolders. */
    record Subtree(int root, int unit, String folder) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What one subtree's task found. */
    record Walked(Subtree subtree, List<FolderEntries> folders, List<HiveCandidate> problems)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        static Walked of(Subtree subtree, List<Discovery.Folder> folders, List<HiveCandidate> problems) {
            return new Walked(subtree, folders.stream().map(FolderEntries::of).toList(), problems);
        }
    }

    /** A {@link Discovery.Folder} as it travels from a task (the scan's record is not serializable). */
    record FolderEntries(String path, List<ScanEntry> entries, List<ScanEntry> files) implements Serializable {
        private static final long serialVersionUID = 1L;

        static FolderEntries of(Discovery.Folder f) {
            return new FolderEntries(f.path(), new ArrayList<>(f.entries()), new ArrayList<>(f.files()));
        }
    }

    static Listing list(JavaSparkContext jsc, HadoopScanFiles files, List<String> roots, int requestedTasks)
            throws IOException {
        Discovery discovery = new Discovery(files, false);
        List<Walked> walked = new ArrayList<>();
        List<Subtree> subtrees = new ArrayList<>();
        for (int r = 0; r < roots.size(); r++) {
            String root = roots.get(r);
            List<HiveCandidate> problems = new ArrayList<>();
            if (!files.stat(root).directory()) {
                walked.add(Walked.of(new Subtree(r, 0, root), discovery.walk(root, problems), problems));
                continue;
            }
            List<ScanEntry> entries;
            try {
                entries = files.list(root);
            } catch (IOException | RuntimeException e) {
                // The scan's walk reports the same failure as the UNREADABLE candidate the local scan writes.
                walked.add(Walked.of(new Subtree(r, 0, root), discovery.walk(root, problems), problems));
                continue;
            }
            List<ScanEntry> fileEntries = entries.stream().filter(e -> !e.directory()).toList();
            walked.add(Walked.of(new Subtree(r, 0, root),
                    List.of(new Discovery.Folder(root, entries, fileEntries)), List.of()));
            int unit = 1;
            for (ScanEntry e : entries) {
                if (e.directory()) {
                    subtrees.add(new Subtree(r, unit++, e.path()));
                }
            }
        }
        if (!subtrees.isEmpty()) {
            int tasks = Balance.tasks(subtrees.size(), jsc.defaultParallelism(), requestedTasks);
            walked.addAll(jsc.parallelize(subtrees, tasks).map(s -> {
                List<HiveCandidate> problems = new ArrayList<>();
                List<Discovery.Folder> folders = new Discovery(files, false).walk(s.folder(), problems);
                return Walked.of(s, folders, problems);
            }).collect());
        }
        walked.sort(Comparator.comparingInt((Walked w) -> w.subtree().root())
                .thenComparingInt(w -> w.subtree().unit()));
        List<FolderEntries> folders = new ArrayList<>();
        List<HiveCandidate> problems = new ArrayList<>();
        for (Walked w : walked) {
            folders.addAll(w.folders());
            problems.addAll(w.problems());
        }
        return new Listing(folders, problems);
    }
}
