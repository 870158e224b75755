package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QCOW2 made by qemu-img from a random raw disk reads back as that disk. */
class Qcow2FormatTest {
    @Test
    void plainQcow2() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("plain.qcow2", "qcow2"))) {
            assertThat(image.format()).isEqualTo("qcow2");
            assertThat(image.metadata()).containsEntry("subformat", "v3");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void compressedQcow2WithSmallClustersAndManyL2Tables() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("small.qcow2", "qcow2", "-c", "-o",
                "cluster_size=4096"))) {
            assertThat(image.metadata()).containsEntry("qcow2.cluster_size", "4096");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void compressedVersion2() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("v2.qcow2", "qcow2", "-c", "-o", "compat=0.10"))) {
            assertThat(image.metadata()).containsEntry("subformat", "v2");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    /** A v3 zero cluster keeps its host offset (whose old bytes are still there) yet reads as zeros. */
    @Test
    void zeroClustersAndUnallocatedClustersReadAsZeros(@TempDir Path dir) throws Exception {
        TestDisks.run(dir, "qemu-img", "create", "-q", "-f", "qcow2", "z.qcow2", "4M");
        TestDisks.run(dir, "qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 1M", "-c", "write -z 64k 64k",
                "-c", "write -P 0x33 3M 4k", "z.qcow2");
        byte[] expected = new byte[4 << 20];
        Arrays.fill(expected, 0, 1 << 20, (byte) 0x5a);
        Arrays.fill(expected, 64 << 10, 128 << 10, (byte) 0);
        Arrays.fill(expected, 3 << 20, (3 << 20) + 4096, (byte) 0x33);
        try (DiskImage image = DiskImages.open(dir.resolve("z.qcow2"))) {
            TestDisks.assertSameDisk(image, expected);
        }
    }
}
