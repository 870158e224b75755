package org.hivescan.hardening;

import org.hivescan.hive.HiveInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVerifier;
import org.hivescan.hive.Key;
import org.junit.jupiter.api.Test;

/**
 * Offsets and sizes at the top of the 32-bit range, where 4096 + offset, offset + size or a rounding up wraps in
 * 32-bit arithmetic: the reader computes them exactly (in 64 bits) and names the offset. Fixtures:
 * testdata/hardening/offset-overflow, bin-size-overflow and sk-size-overflow (make_hardening.py).
 */
class OverflowLimitsTest {
    private static Key key(Hive hive, String name) throws HiveFormatException {
        return hive.key(name).orElseThrow();
    }

    @Test
    void offsetsNearFourGibibytesPointOutsideTheBinsAndAreNamed() throws Exception {
        try (Hive hive = Hostile.open(Hostile.hardening("offset-overflow"))) {
            Hostile.Walk walk = Hostile.walk(hive);
            assertThat(walk.keys()).contains("ListFar", "ClassFar", "ValueFar", "SecurityFar")
                    .doesNotContain("ListFar\\x");
            // ListFar's subkey list offset 0xFFFFFFF8 (nk field at file 0x1350): 4096 + it is past 2^32.
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x100000FF8")
                    .contains("offset 0xFFFFFFF8 points outside the hive-bins data"));
            // ValueFar's value list entry (file 0x14AC) is 0x7FFFFFF8.
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x80000FF8")
                    .contains("value key").contains("offset 0x7FFFFFF8 points outside"));
            // SecurityFar's security offset (file 0x1420) is 0xFFFFFFF8.
            assertThat(key(hive, "SecurityFar").securityDescriptor()).isEmpty();
        }
    }

    @Test
    void classNamesFarAwayOrLongerThanTheirCellAreRefusedAndNamed() throws Exception {
        // An unreadable class name is that key's problem alone: a diagnostic naming the offset, and no class name.
        try (Hive hive = Hostile.open(Hostile.hardening("offset-overflow"))) {
            // ClassFar: offset 0xFFFFF000 (file 0x128C), length 0xFFFF.
            assertThat(key(hive, "ClassFar").className()).isEmpty();
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m)
                    .contains("at file offset 0x100000000").contains("offset 0xFFFFF000 points outside"));
            // ClassLong: a real class-name cell of 12 data bytes (file 0x1320), length 0xFFFF (file 0x130E).
            assertThat(key(hive, "ClassLong").className()).isEmpty();
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x1324")
                    .contains("class name").contains("expected a cell of at least 65535 data bytes, found 12"));
        }
    }

    @Test
    void cellSizesNearTheIntLimitCannotWrapPastTheirBin() throws Exception {
        try (Hive hive = Hostile.open(Hostile.hardening("offset-overflow"))) {
            // CellHuge\v's data cell (file 0x11A0) says -0x7FFFFFF8, CellHugeFree\v's (file 0x1240) 0x7FFFFFF8.
            assertThatThrownBy(() -> key(hive, "CellHuge").value("v").orElseThrow().data())
                    .isInstanceOf(HiveFormatException.class).hasMessageContaining("at file offset 0x11A0")
                    .hasMessageContaining("must end inside its bin").hasMessageContaining("found 2147483640");
            assertThatThrownBy(() -> key(hive, "CellHugeFree").value("v").orElseThrow().data())
                    .isInstanceOf(HiveFormatException.class).hasMessageContaining("at file offset 0x1240")
                    .hasMessageContaining("found 2147483640");
        }
    }

    @Test
    void hiveBinsSizeOfFourGibibytesIsNotTrustedAndNamed() throws Exception {
        // offset-overflow: the base block's hive-bins data size (file 0x28) is 0xFFFFFFFF.
        try (Hive hive = Hostile.open(Hostile.hardening("offset-overflow"))) {
            assertThat(HiveInternals.space(hive).bins().limit()).isEqualTo(0x1000);
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x28")
                    .contains("found 4294967295"));
        }
    }

    @Test
    void verifyOfFarOffsetsAllocatesNoGiantBitSets() throws Exception {
        // Regression: HiveVerifier marked every referenced offset in a bit set indexed by offset / 8, so one
        // offset near 4 GiB grew it to 64 MiB (testdata/regress/verify-far-offset-bitset).
        try (Hive hive = Hostile.open(Hostile.hardening("offset-overflow"))) {
            long allocated = Hostile.allocatedBy(() -> assertThat(HiveVerifier.verify(hive).findings())
                    .anySatisfy(f -> assertThat(f.message()).contains("0xFFFFFFF8")));
            assertThat(allocated).as("bytes allocated by verify").isLessThan(4L << 20);
        }
    }

    @Test
    void binSizeThatWrapsIsRefusedAndTheNextBinIsStillFound() throws Exception {
        // bin-size-overflow: the second hbin (file 0x2000) says 0xFFFFF000 bytes; the third (file 0x3000) is fine.
        try (Hive hive = Hostile.open(Hostile.hardening("bin-size-overflow"))) {
            assertThat(HiveInternals.space(hive).bins().bins()).hasSize(2);
            assertThat(HiveInternals.space(hive).bins().bins().get(1).offset()).isEqualTo(0x2000);
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x2000")
                    .contains("hive bin header").contains("size"));
            // C's key node lay in the refused bin; A and B, in the first, are still read, and so is what the
            // third bin holds.
            Hostile.Walk walk = Hostile.walk(hive);
            assertThat(walk.keys()).containsExactly("", "A", "B");
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("lies in no intact hive bin"));
        }
    }

    @Test
    void securityDescriptorSizeOfFourGibibytesIsRefusedAndNamed() throws Exception {
        // sk-size-overflow: the sk's descriptor size (file 0x108C) is 0xFFFFFFFF.
        try (Hive hive = Hostile.open(Hostile.hardening("sk-size-overflow"))) {
            assertThat(hive.root().securityDescriptor()).isEmpty();
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0x108C")
                    .contains("security descriptor size").contains("found 4294967295"));
        }
    }
}
