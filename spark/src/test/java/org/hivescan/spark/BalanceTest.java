package org.hivescan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalanceTest {

    @Test
    void hugeItemsLandOnDifferentTasks() {
        long[] weights = new long[40];
        java.util.Arrays.fill(weights, 1_000);
        weights[3] = 50_000_000;
        weights[17] = 40_000_000;
        weights[30] = 45_000_000;
        int[] task = Balance.assign(weights, 4);
        assertThat(List.of(task[3], task[17], task[30])).doesNotHaveDuplicates();
    }

    @Test
    void loadsStayWithinTheLptBoundOfTheBestSpread() {
        long[] weights = IntStream.range(0, 1000).mapToLong(i -> 1 + (i * 7919L) % 5000).toArray();
        int tasks = 8;
        int[] task = Balance.assign(weights, tasks);
        long[] load = new long[tasks];
        for (int i = 0; i < weights.length; i++) {
            load[task[i]] += weights[i];
        }
        long total = java.util.Arrays.stream(weights).sum();
        long max = java.util.Arrays.stream(load).max().orElseThrow();
        assertThat(max).isLessThanOrEqualTo(total / tasks * 4 / 3 + 5000);
    }

    @Test
    void sameInputSamePlacement() {
        long[] weights = {5, 5, 5, 9, 1, 1, 9};
        assertThat(Balance.assign(weights, 3)).isEqualTo(Balance.assign(weights.clone(), 3));
    }

    @Test
    void groupsKeepEveryItemOnceInOriginalOrderWithinATask() {
        List<Integer> items = IntStream.range(0, 25).boxed().toList();
        long[] weights = IntStream.range(0, 25).mapToLong(i -> 25 - i).toArray();
        List<List<Integer>> groups = Balance.groups(items, weights, 4);
        assertThat(groups).hasSize(4);
        assertThat(groups.stream().flatMap(List::stream).sorted().toList()).isEqualTo(items);
        for (List<Integer> g : groups) {
            assertThat(g).isSorted();
        }
    }

    @Test
    void taskCountIsAFewPerCoreButNeverAboveTheItems() {
        assertThat(Balance.tasks(1000, 2, 0)).isEqualTo(8);
        assertThat(Balance.tasks(3, 2, 0)).isEqualTo(3);
        assertThat(Balance.tasks(0, 2, 0)).isEqualTo(1);
        assertThat(Balance.tasks(1000, 2, 5)).isEqualTo(5);
        assertThat(Balance.tasks(100_000, 2, 0)).isEqualTo(200);
        assertThat(Balance.tasks(100_001, 2, 0)).isEqualTo(201);
    }

    @Test
    void rangesKeepIndexOrderAcrossTasks() {
        Balance.Ranges ranges = new Balance.Ranges(10, 3);
        int previous = 0;
        for (int i = 0; i < 10; i++) {
            int p = ranges.getPartition(i);
            assertThat(p).isBetween(previous, 2);
            previous = p;
        }
        assertThat(ranges.getPartition(9)).isEqualTo(2);
    }
}
