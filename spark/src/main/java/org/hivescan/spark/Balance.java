package org.hivescan.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.spark.Partitioner;

/**
 * Spreads weighted work items over tasks so that no task carries much more than the rest: the longest-processing-
 * time-first rule (heaviest item to the lightest task so far), within 4/3 of the best possible spread. A few huge
 * disk images then land on different tasks instead of queuing behind one another.
 */
final class Balance {
    private Balance() {
    }

    /** The task of each item, for {@code weights.length} items over {@code tasks} tasks. */
    static int[] assign(long[] weights, int tasks) {
        if (tasks <= 0) {
            throw new IllegalArgumentException("tasks must be positive, got " + tasks);
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Ties broken by index so that every run, and every retry, places items the same way.
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> -weights[i]).thenComparingInt(i -> i));
        PriorityQueue<long[]> load = new PriorityQueue<>(
                Comparator.<long[]>comparingLong(t -> t[0]).thenComparingLong(t -> t[1]));
        for (int t = 0; t < tasks; t++) {
            load.add(new long[] {0, t});
        }
        int[] task = new int[weights.length];
        for (int i : order) {
            long[] lightest = load.poll();
            task[i] = (int) lightest[1];
            lightest[0] += Math.max(1, weights[i]);
            load.add(lightest);
        }
        return task;
    }

    /** At most this many items per task unless asked otherwise: a task's results are held whole, then the driver's. */
    static final int MAX_ITEMS_PER_TASK = 500;

    /**
     * The number of tasks for {@code items} items: a few per core, more when that would put more than
     * {@value #MAX_ITEMS_PER_TASK} items in one, never more than there are items.
     */
    static int tasks(int items, int parallelism, int requested) {
        int wanted = requested > 0 ? requested
                : Math.max(Math.max(1, parallelism) * 4, (items + MAX_ITEMS_PER_TASK - 1) / MAX_ITEMS_PER_TASK);
        return Math.max(1, Math.min(items, wanted));
    }

    /** The items grouped by task, each task's in their original order: one element per Spark partition. */
    static <T> List<List<T>> groups(List<T> items, long[] weights, int tasks) {
        int[] task = assign(weights, tasks);
        List<List<T>> out = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            out.get(task[i]).add(items.get(i));
        }
        return out;
    }

    /** Routes item indexes 0..n-1 to tasks by contiguous ranges, so a sorted read-back is in index order. */
    static final class Ranges extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int items;
        private final int tasks;

        Ranges(int items, int tasks) {
            this.items = Math.max(1, items);
            this.tasks = tasks;
        }

        @Override
        public int numPartitions() {
            return tasks;
        }

        @Override
        public int getPartition(Object key) {
            return (int) ((long) (Integer) key * tasks / items);
        }
    }
}
