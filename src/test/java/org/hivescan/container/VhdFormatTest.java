package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Sectors whose bit is clear in their block's sector bitmap read as zeros, whatever the block holds. */
    @Test
    void clearSectorBitmapBitsReadAsZeros(@TempDir Path dir) throws Exception {
        Path vhd = Damage.copy(ConvertedImages.qemu("exact.vhd", "vpc", "-o", "force_size=on"), dir);
        long size = Files.size(vhd);
        long header = Damage.be(vhd, size - 512, 512).getLong(16);
        long table = Damage.be(vhd, header, 1024).getLong(16);
        byte[] expected = ConvertedImages.raw().clone();
        int cleared = 0;
        for (int block = 0; block < 20; block++) {
            long sector = Damage.be(vhd, table + block * 4L, 4).getInt(0) & 0xFFFFFFFFL;
            if (sector != 0xFFFFFFFFL) {
                // sectors 0-7 and 9 of the block: bits 7..0 of bitmap byte 0 and bit 6 of byte 1
                Damage.write(vhd, sector * 512, new byte[] {0, (byte) 0xBF});
                int start = block * (2 << 20);
                Arrays.fill(expected, start, start + 8 * 512, (byte) 0);
                Arrays.fill(expected, start + 9 * 512, start + 10 * 512, (byte) 0);
                cleared++;
            }
        }
        assertThat(cleared).isPositive();
        try (DiskImage image = DiskImages.open(vhd)) {
            TestDisks.assertSameDisk(image, expected);
        }
    }
}
