package org.hivescan.hardening;

import org.hivescan.hive.HiveInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.ValueKey;
import org.hivescan.hive.Hive;
import org.junit.jupiter.api.Test;

/** Name lengths that run past their cell. */
class NameLimitsTest {
    @Test
    void keyAndValueNamesPastTheirCellsAreRefusedAndNamed() throws Exception {
        // name-past-cell: Victim's nk name length 0xFFFF at file 0x113C; victim-value's vk name length at 0x1156.
        try (Hive hive = Hostile.open(Hostile.fixture("name-past-cell"))) {
            Hostile.Walk walk = Hostile.walk(hive);
            assertThat(walk.keys()).doesNotContain("Victim");
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x113C")
                    .contains("key node name length: expected at most").contains("found 65535"));
            // The value of Victim is out of the walk's reach once Victim is refused: read its vk directly.
            assertThatThrownBy(() -> ValueKey.read(HiveInternals.space(hive), 0x150)).isInstanceOf(HiveFormatException.class)
                    .hasMessageContaining("at file offset 0x1156").hasMessageContaining("value key name length")
                    .hasMessageContaining("found 65535");
        }
    }
}
