package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.junit.jupiter.api.Test;

/** Cycles in the key tree and in index-root nesting (issue 5, first two limits). */
class CycleLimitsTest {
    @Test
    void keyListingItselfIsSkippedAndNamed() throws Exception {
        // cycle-self: Loop's lh entry 0 (file 0x1150) points at Loop's own nk, rel 0xF0 = file 0x10F0.
        try (Hive hive = Hostile.open(Hostile.fixture("cycle-self"))) {
            Hostile.Walk walk = Hostile.walk(hive);
            assertThat(walk.keys()).containsExactly("", "Loop");
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m)
                    .contains("at file offset 0x10F0").contains("subkey list entry of \"Loop\"").contains("a cycle"));
        }
    }

    @Test
    void subkeyListPointingBackAtAnAncestorIsSkippedAndNamed() throws Exception {
        // cycle-ancestor: A\B's lh entry 0 (file 0x11B8) points at the root nk, rel 0x20 = file 0x1020.
        try (Hive hive = Hostile.open(Hostile.fixture("cycle-ancestor"))) {
            assertThat(Hostile.walk(hive).keys()).containsExactly("", "A", "A\\B");
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m)
                    .contains("at file offset 0x1020").contains("subkey list entry of \"A\\B\"").contains("a cycle"));
        }
    }

    @Test
    void strictModeStopsAtTheCycleAndNamesIt() throws Exception {
        try (Hive hive = Hive.openWithoutReplay(Hostile.fixture("cycle-self"), HiveOptions.strictOptions())) {
            assertThatThrownBy(() -> Hostile.walk(hive)).isInstanceOf(HiveFormatException.class)
                    .hasMessageContaining("at file offset 0x10F0").hasMessageContaining("a cycle");
        }
    }

    @Test
    void indexRootListingItselfIsACycleAndTheOtherLeafIsKept() throws Exception {
        // ri-cycle: ri entry 1 (file 0x1154) points at the ri itself, rel 0x148 = file 0x1148.
        try (Hive hive = Hostile.open(Hostile.fixture("ri-cycle"))) {
            assertThat(Hostile.walk(hive).keys()).containsExactly("", "Indexed", "Indexed\\k0", "Indexed\\k1",
                    "Indexed\\k2");
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m)
                    .contains("at file offset 0x1148").contains("index root entry").contains("(a cycle)"));
        }
    }

    @Test
    void indexRootNestingIsCappedAtItsDepthLimit() throws Exception {
        // ri-nesting-deep: ri -> ri -> ri -> ri -> ri (rel 0x1B0 = file 0x11B0, the fifth level) -> lh.
        try (Hive hive = Hostile.open(Hostile.hardening("ri-nesting-deep"))) {
            assertThat(Hostile.walk(hive).keys()).containsExactly("", "Nested");
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x11B0")
                    .contains("nesting of \"ri\" lists: expected at most 4, found 5"));
        }
        try (Hive hive = Hive.openWithoutReplay(Hostile.hardening("ri-nesting-deep"), HiveOptions.strictOptions())) {
            assertThatThrownBy(() -> Hostile.walk(hive)).isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("at file offset 0x11B0");
        }
    }
}
