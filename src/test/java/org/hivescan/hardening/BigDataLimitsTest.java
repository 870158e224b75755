package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.hive.Value;
import org.junit.jupiter.api.Test;

/** Big-data segment counts that disagree with the declared size, and sizes that overflow or amplify. */
class BigDataLimitsTest {
    private static Value value(Hive hive, String key, String name) throws HiveFormatException {
        return hive.key(key).orElseThrow().value(name).orElseThrow();
    }

    @Test
    void tooFewSegmentsForTheSizeIsRefusedAndNamed() throws Exception {
        // bigdata-count-mismatch: too-few is 40000 bytes (3 segments); its db count at file 0x117E says 2.
        try (Hive hive = Hostile.open(Hostile.fixture("bigdata-count-mismatch"))) {
            assertThatThrownBy(() -> value(hive, "Big", "too-few").data()).isInstanceOf(HiveFormatException.class)
                    .hasMessageContaining("at file offset 0x117E")
                    .hasMessageContaining("big data segment count: expected 3 segments for 40000 bytes, found 2");
        }
    }

    @Test
    void tooManySegmentsAreReportedAndTheDeclaredSizeWins() throws Exception {
        // too-many: db count at file 0xBCDE says 200, its list holds 3; the declared 40000 bytes are read.
        try (Hive hive = Hostile.open(Hostile.fixture("bigdata-count-mismatch"))) {
            byte[] data = value(hive, "Big", "too-many").data();
            assertThat(data).hasSize(40000);
            assertThat(data[16344] & 0xFF).isEqualTo((16344 + 8) % 251);
            assertThat(Hostile.diagnostics(hive)).anySatisfy(m -> assertThat(m).contains("at file offset 0xBCDE")
                    .contains("expected 3 segments for 40000 bytes, found 200 (extra segments ignored)"));
        }
    }

    @Test
    void dataLargerThanTheHiveIsRefusedBeforeAnythingIsAllocated() throws Exception {
        // bigdata-amplified: 61440 bytes of file; huge's vk (size field at file 0x1160) claims 50,000,000 bytes
        // made of one segment listed 3060 times.
        try (Hive hive = Hostile.open(Hostile.hardening("bigdata-amplified"))) {
            Value huge = value(hive, "Big", "huge");
            long allocated = Hostile.allocatedBy(() -> assertThatThrownBy(huge::data)
                    .isInstanceOf(LimitExceededException.class).hasMessageContaining("at file offset 0x1160")
                    .hasMessageContaining("found 50000000"));
            assertThat(allocated).as("bytes allocated by the refused read").isLessThan(1L << 20);
        }
    }

    @Test
    void sizeAtTheTopOfTheIntRangeOverflowsNothing() throws Exception {
        // bigdata-size-overflow: max's vk data size (file 0x1158) is 0x7FFFFFFF.
        try (Hive hive = Hostile.open(Hostile.hardening("bigdata-size-overflow"))) {
            assertThatThrownBy(() -> value(hive, "Big", "max").data()).isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("at file offset 0x1158")
                    .hasMessageContaining("expected at most " + HiveOptions.DEFAULT_MAX_VALUE_BYTES);
        }
        // With the value-size limit lifted to its maximum, the size still cannot wrap or allocate 2 GiB.
        HiveOptions unlimited = HiveOptions.lenient().withMaxValueBytes(Integer.MAX_VALUE);
        try (Hive hive = Hive.openWithoutReplay(Hostile.hardening("bigdata-size-overflow"), unlimited)) {
            long allocated = Hostile.allocatedBy(() -> assertThatThrownBy(() -> value(hive, "Big", "max").data())
                    .isInstanceOf(HiveFormatException.class).hasMessageContaining("at file offset 0x1158")
                    .hasMessageContaining("found 2147483647"));
            assertThat(allocated).isLessThan(1L << 20);
        }
    }
}
