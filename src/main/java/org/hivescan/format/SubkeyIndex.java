package org.hivescan.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;

/**
 * A key's whole subkey list, with index roots flattened into their leaves in order (§Index root). An index root
 * may not point to another (Notes 1 and 2); a little nesting is tolerated, but a list seen twice in one flattening
 * is a cycle and is skipped, and nesting deeper than {@value #MAX_DEPTH} is refused.
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
    /** Lists already flattened in this call: an index root that leads back to one is a cycle. */
    private final Set<Long> listsSeen = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();

    private SubkeyIndex(CellSpace space, ProblemSink sink, long maxEntries) {
        this.space = space;
        this.sink = sink;
        this.maxEntries = maxEntries;
    }

    /**
     * Flattens the list at {@code rel}, keeping at most {@code maxEntries} entries (the key's declared count).
     * Damaged lists and cycles go to the sink; whatever is readable is returned.
     */
    public static List<Entry> flatten(CellSpace space, long rel, long maxEntries, ProblemSink sink)
            throws HiveFormatException {
        SubkeyIndex index = new SubkeyIndex(space, sink, maxEntries);
        index.collect(rel, 0);
        return index.entries;
    }

    /**
     * Only the key-node offsets, in order: the walk's hot path. A plain leaf, by far the common case, is copied
     * straight out without the bookkeeping an index root needs.
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
        List<Entry> entries = flatten(space, rel, maxEntries, sink);
        long[] out = new long[entries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = entries.get(i).keyOffset();
        }
        return out;
    }

    private void collect(long rel, int depth) throws HiveFormatException {
        if (!listsSeen.add(rel)) {
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
        if (list.kind() != SubkeyList.Kind.RI) {
            for (int i = 0; i < list.size() && entries.size() < maxEntries; i++) {
                entries.add(new Entry(list.element(i), list, i));
            }
            return;
        }
        if (depth >= MAX_DEPTH) {
            sink.report(new LimitExceededException(space.resource(), Offsets.toFile(rel), "index root",
                    "nesting of \"ri\" lists", depth + 1L, MAX_DEPTH));
            return;
        }
        for (int i = 0; i < list.size() && entries.size() < maxEntries; i++) {
            collect(list.element(i), depth + 1);
        }
    }
}
