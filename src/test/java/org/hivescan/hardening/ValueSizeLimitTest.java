package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.hivescan.bytes.LimitExceededException;
import org.hivescan.cli.Main;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.hive.Value;
import org.junit.jupiter.api.Test;

/**
 * Values above the configurable size limit: materialised lazily, so listing them costs nothing, and refused with a
 * message that names the value, its offset, the limit and the size (fixture values: big-40000 is 40000 bytes).
 */
class ValueSizeLimitTest {
    @Test
    void valuesAboveTheLimitAreListedButTheirDataIsRefusedClearly() throws Exception {
        try (Hive hive = Hive.openWithoutReplay(Hostile.fixture("values"), HiveOptions.lenient().withMaxValueBytes(1000))) {
            Value big = hive.key("Types").orElseThrow().value("big-40000").orElseThrow();
            // Name, type and size come from the vk alone: nothing has been read yet.
            assertThat(big.dataSize()).isEqualTo(40000);
            long vkField = 0x1000 + big.offset() + 8;
            assertThatThrownBy(big::data).isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining(String.format("at file offset 0x%X", vkField))
                    .hasMessageContaining("data size of value \"big-40000\": expected at most 1000, found 40000");
            assertThat(hive.key("Types").orElseThrow().value("binary-100").orElseThrow().data()).hasSize(100);
        }
    }

    @Test
    void commandLineLimitLeavesTheValueOutWithAWarningAndTheIncompleteExitCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"export", Hostile.fixture("values").toString(), "--format", "canon",
            "--max-value-bytes", "1000"}, out, new PrintWriter(err));
        // The walk goes on, but a script must not take the output as whole (exit 5, see ExitCodes).
        assertThat(exit).isEqualTo(5);
        assertThat(err.toString()).contains("warning").contains("data size of value \"big-40000\"")
                .contains("expected at most 1000, found 40000");
        assertThat(out.toString()).contains("binary-100").doesNotContain("big-40000");
    }
}
