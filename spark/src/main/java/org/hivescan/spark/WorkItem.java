package org.hivescan.spark;

import java.io.Serializable;
import java.util.Comparator;
import org.hivescan.scan.ScanEntry;

/**
 * One unit of distributed discovery: a file to look into (a hive, a zip, a disk image), or a folder whose listing
 * failed and is handed to the scan's own walk so that it reports the failure as the local scan does. The order
 * fields place it where the local depth-first walk would meet it (a folder's files before its subfolders, names in
 * order), so the candidates reach the grouper in the local scan's order.
 *
 * @param root which input path
 * @param unit 0 for the files of the input folder itself, then 1.. for its subfolders in name order
 * @param seq the position inside that unit's walk
 * @param file the file, or null for a folder to walk
 * @param folder the folder to walk, or null for a file
 */
record WorkItem(int root, int unit, int seq, ScanEntry file, String folder) implements Serializable {
    private static final long serialVersionUID = 1L;

    static final Comparator<WorkItem> WALK_ORDER = Comparator.comparingInt(WorkItem::root)
            .thenComparingInt(WorkItem::unit).thenComparingInt(WorkItem::seq);

    static WorkItem file(int root, int unit, int seq, ScanEntry file) {
        return new WorkItem(root, unit, seq, file, null);
    }

    static WorkItem folder(int root, int unit, int seq, String folder) {
        return new WorkItem(root, unit, seq, null, folder);
    }

    /** What balancing weighs: the bytes a file may make a task read (a folder is cheap). */
    long weight() {
        return file == null ? 1 : Math.max(1, file.size());
    }
}
