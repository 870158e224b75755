package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** VHD made by qemu-img from a random raw disk reads back as that disk. */
class VhdFormatTest {
    @Test
    void dynamicVhd() throws Exception {
        Path vhd = ConvertedImages.qemu("dynamic.vhd", "vpc");
        try (DiskImage image = DiskImages.open(vhd)) {
            assertThat(image.format()).isEqualTo("vhd");
            assertThat(image.metadata()).containsEntry("subformat", "dynamic");
            // qemu rounds the size up to a CHS geometry unless force_size is on: the tail reads as zeros
            assertThat(image.virtualSize()).isBetween((long) ConvertedImages.raw().length,
                    ConvertedImages.raw().length + (1L << 20));
            TestDisks.assertSameDisk(image, Arrays.copyOf(ConvertedImages.raw(), (int) image.virtualSize()));
        }
    }

    @Test
    void dynamicVhdWithExactSize() throws Exception {
        Path vhd = ConvertedImages.qemu("exact.vhd", "vpc", "-o", "force_size=on");
        try (DiskImage image = DiskImages.open(vhd)) {
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void fixedVhd() throws Exception {
        Path vhd = ConvertedImages.qemu("fixed.vhd", "vpc", "-o", "subformat=fixed,force_size=on");
        try (DiskImage image = DiskImages.open(vhd)) {
            assertThat(image.metadata()).containsEntry("subformat", "fixed");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }
}
