package org.hivescan.hive;

import java.util.ArrayDeque;
import java.util.Deque;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;
import org.hivescan.format.Offsets;

/**
 * A depth-first walk with an explicit stack, so a deep hive cannot overflow the Java stack, and memory holds
 * only the current path. Four guards keep hostile hives finite: a key whose node is already on the current path
 * is a cycle and is skipped; the depth is capped; the total number of key visits is capped by what the file
 * could hold, so lists that share keys cannot multiply the walk exponentially; and so is the weight of what the
 * visitor is handed (paths and names), so shared value lists and long deep paths cannot multiply the output.
 */
final class HiveWalker {
    private final Hive hive;
    private final HiveVisitor visitor;
    /** Node offsets of the keys on the current path, root first; short, so a linear scan beats hashing. */
    private long[] onPath = new long[64];
    private int pathLength;
    private final long visitBudget;
    private long visits;
    /**
     * What the keys and values handed to the visitor weigh as output: their path and name lengths plus 16 each.
     * The visit budget alone let shared lists repeat a value list, or long paths 512 deep, without bound: a 340 KiB
     * hive listing one key of 2000 values 500 times ran the canonical listing out of a 128 MiB heap (issue 5;
     * testdata/hardening/shared-lists is a smaller cousin). Real hives weigh under 2 x their bins (the shared corpus:
     * at most 1.8).
     */
    private final long weightBudget;
    private long weight;
    private static final int WEIGHT_PER_RECORD = 16;

    private final Key start;

    HiveWalker(Hive hive, Key start, HiveVisitor visitor) {
        this.hive = hive;
        this.start = start;
        this.visitor = visitor;
        // A key node needs at least 80 bytes; allow each possible node to be reached a few times.
        this.visitBudget = hive.space().bins().limit() / 80 * 4 + 16;
        this.weightBudget = HiveOptions.walkWeightBudget(hive.space().bins().limit());
    }

    private static final class Frame {
        final Key key;
        final long[] children;
        /** The length of the key's path, kept here so that weighing a record never rebuilds a path. */
        final long pathChars;
        int next;

        Frame(Key key, long[] children, long pathChars) {
            this.key = key;
            this.children = children;
            this.pathChars = pathChars;
        }
    }

    void run() throws HiveFormatException, java.io.IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        Frame first = enter(start, start.path().length());
        if (first != null) {
            stack.push(first);
        }
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.next >= top.children.length) {
                stack.pop();
                pathLength--;
                visitor.leave(top.key);
                continue;
            }
            long offset = top.children[top.next++];
            if (isOnPath(offset)) {
                hive.diagnostics().report(hive.space().problem(Offsets.toFile(offset), "subkey list entry of \""
                        + top.key.path() + "\"", "expected a new key, found one of its own ancestors (a cycle)"));
                continue;
            }
            if (top.key.depth() + 1 > hive.options().maxKeyDepth()) {
                hive.diagnostics().report(new LimitExceededException(hive.resource(), Offsets.toFile(offset),
                        "key node", "key depth", top.key.depth() + 1L, hive.options().maxKeyDepth()));
                continue;
            }
            Key child = hive.childAt(offset, top.key);
            if (child != null) {
                Frame frame = enter(child, top.pathChars + (top.key.isRoot() ? 0 : 1) + child.name().length());
                if (frame != null) {
                    stack.push(frame);
                }
            }
        }
    }

    private boolean isOnPath(long offset) {
        for (int i = 0; i < pathLength; i++) {
            if (onPath[i] == offset) {
                return true;
            }
        }
        return false;
    }

    private Frame enter(Key key, long pathChars) throws HiveFormatException, java.io.IOException {
        if (++visits > visitBudget) {
            throw new LimitExceededException(hive.resource(), Offsets.toFile(key.offset()), "key node",
                    "keys visited (shared subkey lists?)", visits, visitBudget);
        }
        weigh(pathChars, key.offset());
        if (!visitor.key(key)) {
            return null;
        }
        if (visitor.wantsValues()) {
            visitValues(key, pathChars);
        }
        if (pathLength == onPath.length) {
            onPath = java.util.Arrays.copyOf(onPath, pathLength * 2);
        }
        onPath[pathLength++] = key.offset();
        return new Frame(key, hive.subkeyOffsets(key.node()), pathChars);
    }

    /**
     * Kept apart from {@link #enter} so the JIT compiles the value loop, the hottest code of a walk, on its own and
     * early, rather than as part of one very large compilation of everything a key visit calls.
     */
    private void visitValues(Key key, long pathChars) throws HiveFormatException, java.io.IOException {
        for (Value value : key.values()) {
            weigh(pathChars + value.name().length(), value.offset());
            visitor.value(key, value);
        }
    }

    private void weigh(long textLength, long rel) throws LimitExceededException {
        weight += textLength + WEIGHT_PER_RECORD;
        if (weight > weightBudget) {
            throw new LimitExceededException(hive.resource(), Offsets.toFile(rel), "walk",
                    "output weight of the keys and values visited (shared lists?)", weight, weightBudget);
        }
    }
}
