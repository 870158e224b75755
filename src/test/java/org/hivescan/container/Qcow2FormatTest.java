package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
