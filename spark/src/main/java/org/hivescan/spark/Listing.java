package org.hivescan.spark;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.hivescan.scan.ScanEntry;
import org.hivescan.scan.ScanFiles;

/**
 * Distributed listing. The driver lists only the input folders themselves; each of their subfolders is walked in a
 * task, depth first with a folder's files before its subfolders (the order of the local scan's walk), so a tree
 * of millions of files on HDFS or S3 is listed by the cluster, not by one process.
 */
final class Listing {
    /** The local walk's depth limit (a folder loop through a file system that follows links still ends). */
    static final int MAX_DEPTH = 64;

    private Listing() {
    }

    /** Every file (and every unlistable folder) under the inputs, in the local walk's order. */
    static List<WorkItem> list(JavaSparkContext jsc, ScanFiles files, List<String> roots, int requestedTasks)
            throws IOException {
        List<WorkItem> items = new ArrayList<>();
        List<Subtree> subtrees = new ArrayList<>();
        for (int r = 0; r < roots.size(); r++) {
            String root = roots.get(r);
            ScanEntry top = files.stat(root);
            if (!top.directory()) {
                items.add(WorkItem.file(r, 0, 0, top));
                continue;
            }
            List<ScanEntry> entries;
            try {
                entries = files.list(root);
            } catch (IOException | RuntimeException e) {
                items.add(WorkItem.folder(r, 0, 0, root));
                continue;
            }
            int seq = 0;
            int unit = 1;
            for (ScanEntry e : entries) {
                if (e.directory()) {
                    subtrees.add(new Subtree(r, unit++, e.path()));
                } else {
                    items.add(WorkItem.file(r, 0, seq++, e));
                }
            }
        }
        if (!subtrees.isEmpty()) {
            int tasks = Balance.tasks(subtrees.size(), jsc.defaultParallelism(), requestedTasks);
            items.addAll(jsc.parallelize(subtrees, tasks).flatMap(s -> walk(files, s).iterator()).collect());
        }
        items.sort(WorkItem.WALK_ORDER);
        return items;
    }

    /** The files under one subfolder, as the local walk would meet them; an unlistable folder is an item too. */
    static List<WorkItem> walk(ScanFiles files, Subtree subtree) throws IOException {
        List<WorkItem> out = new ArrayList<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {subtree.folder(), 1});
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            String dir = (String) next[0];
            int depth = (Integer) next[1];
            List<ScanEntry> entries;
            try {
                entries = files.list(dir);
            } catch (IOException | RuntimeException e) {
                out.add(WorkItem.folder(subtree.root(), subtree.unit(), out.size(), dir));
                continue;
            }
            List<ScanEntry> subdirs = new ArrayList<>();
            for (ScanEntry e : entries) {
                if (e.directory()) {
                    subdirs.add(e);
                } else {
                    out.add(WorkItem.file(subtree.root(), subtree.unit(), out.size(), e));
                }
            }
            if (depth < MAX_DEPTH) {
                for (int i = subdirs.size() - 1; i >= 0; i--) {
                    todo.push(new Object[] {subdirs.get(i).path(), depth + 1});
                }
            }
        }
        return out;
    }
}
