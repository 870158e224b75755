package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A raw file is the disk; numbered segments are one disk laid end to end. */
class RawFormatTest {
    @Test
    void rawFileIsTheDisk(@TempDir Path dir) throws Exception {
        byte[] raw = TestDisks.randomDisk(1);
        try (DiskImage image = DiskImages.open(TestDisks.write(dir, "disk.img", raw))) {
            assertThat(image.format()).isEqualTo("raw");
            assertThat(image.metadata()).containsEntry("subformat", "single").containsEntry("files", "1");
            TestDisks.assertSameDisk(image, raw);
            assertThatThrownBy(() -> image.disk().readFully(raw.length - 1, new byte[2], 0, 2))
                    .isInstanceOf(EOFException.class).hasMessageContaining("disk.img");
        }
    }

    @Test
    void numberedSegmentsAreOneDisk(@TempDir Path dir) throws Exception {
        byte[] raw = TestDisks.randomDisk(2);
        int[] cuts = {0, 5_000_000, 5_000_000, 17_000_001, raw.length};  // an empty segment too
        for (int i = 0; i + 1 < cuts.length; i++) {
            TestDisks.write(dir, String.format("disk.%03d", i + 1), Arrays.copyOfRange(raw, cuts[i], cuts[i + 1]));
        }
        TestDisks.write(dir, "disk.006", new byte[100]);  // after a gap: not part of the image
        try (DiskImage image = DiskImages.open(dir.resolve("disk.001"))) {
            assertThat(image.metadata()).containsEntry("subformat", "split").containsEntry("files", "4");
            TestDisks.assertSameDisk(image, raw);
        }
        try (DiskImage image = DiskImages.open(dir.resolve("disk.003"))) {
            assertThat(image.virtualSize()).as("a later segment opened alone is itself").isEqualTo(12_000_001);
        }
        assertThat(Files.exists(dir.resolve("disk.001"))).isTrue();
    }
}
