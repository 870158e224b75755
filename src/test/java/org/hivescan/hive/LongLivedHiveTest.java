package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** A healthy hive never stops answering because it was used a lot: the budgets bound one operation, not a life. */
class LongLivedHiveTest {

    @Test
    void aMillionValueLookupsOnOneOpenHive() throws Exception {
        Path software = TestPaths.testdata().resolve("hosts/05-2016-defaults/SOFTWARE");
        try (Hive hive = Hive.openWithoutReplay(software)) {
            Key cv = hive.key("Microsoft\\Windows NT\\CurrentVersion").orElseThrow();
            for (int i = 0; i < 1_000_000; i++) {
                if (!cv.value("CurrentBuild").isPresent()) {
                    throw new AssertionError("lookup " + i + " found nothing");
                }
            }
            assertThat(cv.value("CurrentBuild").flatMap(Value::asString)).contains("14393");
            assertThat(hive.diagnostics().isEmpty()).isTrue();
        }
    }

    @Test
    void aHundredFullWalksOnOneOpenHive() throws Exception {
        try (Hive hive = Hive.openWithoutReplay(TestPaths.fixtures().resolve("values.hive"))) {
            long[] first = null;
            for (int i = 0; i < 100; i++) {
                long[] counts = ConcurrentReadTest.walk(hive);
                if (first == null) {
                    first = counts;
                    assertThat(first[1]).isPositive();
                }
                assertThat(counts).as("walk " + i).isEqualTo(first);
            }
            assertThat(hive.diagnostics().isEmpty()).isTrue();
        }
    }
}
