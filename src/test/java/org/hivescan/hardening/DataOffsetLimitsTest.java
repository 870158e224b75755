package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.hivescan.hive.Hive;
import org.junit.jupiter.api.Test;

/** Data offsets that wrap into the base block or point past the end of the file. */
class DataOffsetLimitsTest {
    @Test
    void offsetsIntoTheBaseBlockAndPastTheEndAreRefusedAndNamed() throws Exception {
        // data-into-baseblock: wraps' data offset (file 0x1164) is 0xFFFFF000, past-eof's (file 0x11EC) 0xF00000.
        try (Hive hive = Hostile.open(Hostile.fixture("data-into-baseblock"))) {
            Hostile.Walk walk = Hostile.walk(hive);
            assertThat(walk.values()).containsExactly("Data:wraps", "Data:past-eof", "Data:fine");
            assertThat(walk.valueErrors()).hasSize(2);
            // 0x1000 + 0xFFFFF000 is 2^32: computed in 64 bits, it lies past the file instead of at offset 0.
            assertThat(walk.valueErrors().get(0)).contains("at file offset 0x100000000")
                    .contains("offset 0xFFFFF000 points outside the hive-bins data");
            assertThat(walk.valueErrors().get(1)).contains("at file offset 0xF01000")
                    .contains("offset 0xF00000 points outside the hive-bins data");
            assertThat(hive.key("Data").orElseThrow().value("fine").orElseThrow().data()).hasSize(100);
        }
    }
}
