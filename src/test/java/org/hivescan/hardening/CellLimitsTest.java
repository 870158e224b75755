package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVerifier;
import org.junit.jupiter.api.Test;

/** Cells that cross the end of their bin, and cell sizes that would stall a cell walker. */
class CellLimitsTest {
    @Test
    void cellCrossingItsBinEndIsRefusedAndNamed() throws Exception {
        // cell-crosses-bin: crosser's data cell (file 0x1178) says 4096 bytes; its bin ends at file 0x2000.
        try (Hive hive = Hostile.open(Hostile.fixture("cell-crosses-bin"))) {
            Hostile.Walk walk = Hostile.walk(hive);
            assertThat(walk.valueErrors()).singleElement().asString().contains("at file offset 0x1178")
                    .contains("the cell must end inside its bin at 0x2000").contains("found 4096");
            assertThat(HiveVerifier.verify(hive).findings()).anySatisfy(f -> assertThat(f.fileOffset())
                    .isEqualTo(0x1178));
        }
    }

    @Test
    void zeroAndMinIntCellSizesAreRefusedAndNamed() throws Exception {
        // zero-size-cell / minint-cell: b's data cell at file 0x11B0 has size 0 / 0x80000000.
        for (String name : new String[] {"zero-size-cell", "minint-cell"}) {
            try (Hive hive = Hostile.open(Hostile.fixture(name))) {
                Hostile.Walk walk = Hostile.walk(hive);
                assertThat(walk.values()).containsExactly("Cells:a", "Cells:b", "Cells:c");
                assertThat(walk.valueErrors()).singleElement().asString().contains("at file offset 0x11B0")
                        .contains("expected a non-zero size");
                assertThat(HiveVerifier.verify(hive).findings()).anySatisfy(f -> {
                    assertThat(f.fileOffset()).isEqualTo(0x11B0);
                    assertThat(f.message()).contains("rest of the bin skipped");
                });
            }
        }
    }
}
