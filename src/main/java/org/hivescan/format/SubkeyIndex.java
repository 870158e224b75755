package org.hivescan.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;

/**
 * A key's whole subkey list as one sequence: an index root's leaves in order (§Index root), or the single leaf.
 * Entries are read on demand by position, so lookups binary-search without copying the list. An index root may
 * not point to another (Notes 1 and 2); a little nesting is tolerated, but a list seen twice is a cycle and is
 * skipped, and nesting deeper than {@value #MAX_DEPTH} is refused.
 */
public final class SubkeyIndex {
    public static final int MAX_DEPTH = 4;

    /**
     * One entry of a leaf.
     *
     * @param keyOffset the key node the entry points at
     * @param list the leaf holding the entry
     * @param index the entry's position in that leaf
     */
    public record Entry(long keyOffset, SubkeyList list, int index) {
    }

    private final CellSpace space;
    private final ProblemSink sink;
    private final long maxEntries;
    /** Lists met so far below an index root; a plain leaf, the common case, never needs it. */
    private Set<Long> listsSeen;
    private final List<SubkeyList> leaves = new ArrayList<>();
    /** starts[i] is the position of leaf i's first entry in the whole sequence. */
    private int[] starts;
    private int size;

    private SubkeyIndex(CellSpace space, ProblemSink sink, long maxEntries) {
        this.space = space;
        this.sink = sink;
        this.maxEntries = maxEntries;
    }

    /**
     * Opens the list at {@code rel}, using at most {@code maxEntries} entries (the key's declared count).
     * Damaged lists and cycles go to the sink; whatever is readable is kept.
     */
    public static SubkeyIndex open(CellSpace space, long rel, long maxEntries, ProblemSink sink)
            throws HiveFormatException {
        SubkeyIndex index = new SubkeyIndex(space, sink, maxEntries);
        index.collect(rel, 0);
        return index.sealed();
    }

    /** Fixes where each leaf starts in the whole sequence, once the leaves are collected. */
    private SubkeyIndex sealed() {
        starts = new int[leaves.size()];
        long total = 0;
        for (int i = 0; i < leaves.size(); i++) {
            starts[i] = (int) total;
            total += leaves.get(i).size();
        }
        size = (int) Math.min(total, maxEntries);
        return this;
    }

    /**
     * All key-node offsets of the list at {@code rel}, as {@link #open}{@code .keyOffsets()} gives them. A single
     * leaf, the list of nearly every key, is read straight into the array: the walk asks this for every key, and
     * this path keeps the general one's sets and lists out of it.
     */
    public static long[] keyOffsets(CellSpace space, long rel, long maxEntries, ProblemSink sink)
            throws HiveFormatException {
        SubkeyList list;
        try {
            list = SubkeyList.read(space, rel, sink);
        } catch (HiveFormatException e) {
            sink.report(e);
            return new long[0];
        }
        if (list.kind() != SubkeyList.Kind.RI) {
            return list.elements(maxEntries);
        }
        SubkeyIndex index = new SubkeyIndex(space, sink, maxEntries);
        index.add(list, rel, 0);
        return index.sealed().keyOffsets();
    }

    /** Every entry, in order, with the leaf it sits in (for checks that look at hashes and hints). */
    public static List<Entry> flatten(CellSpace space, long rel, long maxEntries, ProblemSink sink)
            throws HiveFormatException {
        SubkeyIndex index = open(space, rel, maxEntries, sink);
        List<Entry> out = new ArrayList<>(index.size);
        for (int i = 0; i < index.size; i++) {
            int leaf = index.leafOf(i);
            int at = i - index.starts[leaf];
            out.add(new Entry(index.leaves.get(leaf).element(at), index.leaves.get(leaf), at));
        }
        return out;
    }

    private void collect(long rel, int depth) throws HiveFormatException {
        if (depth > 0 && !listsSeen.add(rel)) {
            sink.report(space.problem(Offsets.toFile(rel), "index root entry",
                    "expected a new subkey list, found " + Offsets.hex(rel) + " again (a cycle)"));
            return;
        }
        SubkeyList list;
        try {
            list = SubkeyList.read(space, rel, sink);
        } catch (HiveFormatException e) {
            sink.report(e);
            return;
        }
        add(list, rel, depth);
    }

    /** Adds a list already read: a leaf as it is, an index root through the lists it names. */
    private void add(SubkeyList list, long rel, int depth) throws HiveFormatException {
        if (list.kind() != SubkeyList.Kind.RI) {
            leaves.add(list);
            return;
        }
        if (listsSeen == null) {
            listsSeen = new HashSet<>();
            listsSeen.add(rel);
        }
        if (depth >= MAX_DEPTH) {
            sink.report(new LimitExceededException(space.resource(), Offsets.toFile(rel), "index root",
                    "nesting of \"ri\" lists", depth + 1L, MAX_DEPTH));
            return;
        }
        long entries = 0;
        for (int i = 0; i < list.size() && entries < maxEntries; i++) {
            int before = leaves.size();
            collect(list.element(i), depth + 1);
            for (int j = before; j < leaves.size(); j++) {
                entries += leaves.get(j).size();
            }
        }
    }

    /** How many entries the sequence has. */
    public int size() {
        return size;
    }

    /** The key-node offset at position i. */
    public long keyOffset(int i) throws HiveFormatException {
        int leaf = leafOf(i);
        return leaves.get(leaf).element(i - starts[leaf]);
    }

    /**
     * The lh hash at position i, or null where the leaf holding it is not a hash leaf (so a caller may skip a
     * name comparison only on a definite mismatch).
     */
    public Integer hashAt(int i) throws HiveFormatException {
        int leaf = leafOf(i);
        SubkeyList list = leaves.get(leaf);
        return list.kind() == SubkeyList.Kind.LH ? list.hint(i - starts[leaf]) : null;
    }

    /** All key-node offsets in order. */
    public long[] keyOffsets() throws HiveFormatException {
        long[] out = new long[size];
        int i = 0;
        for (SubkeyList leaf : leaves) {
            long[] elements = leaf.elements(size - i);
            System.arraycopy(elements, 0, out, i, elements.length);
            i += elements.length;
        }
        return out;
    }

    private int leafOf(int position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
