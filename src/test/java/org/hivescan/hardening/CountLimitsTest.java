package org.hivescan.hardening;

import org.hivescan.hive.HiveInternals;
import static org.assertj.core.api.Assertions.assertThat;

import org.hivescan.hive.Hive;
import org.junit.jupiter.api.Test;

/** Counts that do not fit their cell, and subkey and value counts far above what the file can hold. */
class CountLimitsTest {
    @Test
    void listCountPastItsCellIsCutToWhatFitsAndNamed() throws Exception {
        // count-overflow: Overflow's lh (rel 0x148, room for 3) says 500 at file 0x114E.
        try (Hive hive = Hostile.open(Hostile.fixture("count-overflow"))) {
            assertThat(Hostile.walk(hive).keys()).hasSize(2 + 3);
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x114E")
                    .contains("lh element count: expected at most 3 elements (what the cell holds), found 500"));
        }
    }

    @Test
    void hugeSubkeyAndValueCountsCostNoMoreThanTheListsReallyHold() throws Exception {
        // huge-counts: Huge's nk (rel 0xF0) says 0x7FFFFFFF subkeys (file 0x1108) and values (file 0x1118).
        try (Hive hive = Hostile.open(Hostile.fixture("huge-counts"))) {
            long allocated = Hostile.allocatedBy(() -> {
                Hostile.Walk walk = Hostile.walk(hive);
                assertThat(walk.keys()).hasSize(2 + 2);
                assertThat(walk.values()).hasSize(2);
            });
            assertThat(allocated).as("bytes allocated by the walk").isLessThan(4L << 20);
            assertThat(HiveInternals.space(hive).steps()).isLessThan(100);
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x1108")
                    .contains("subkey count: expected the subkey lists to hold the key's 2147483647 subkeys, found 2"));
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m)
                    .contains("value list: expected room for the key's 2147483647 values"));
        }
    }
}
