package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VHDX made by qemu-img from a random raw disk reads back as that disk. */
class VhdxFormatTest {
    @Test
    void vhdxWithOneMebibyteBlocks() throws Exception {
        Path vhdx = ConvertedImages.qemu("small-blocks.vhdx", "vhdx", "-o", "block_size=1M");
        try (DiskImage image = DiskImages.open(vhdx)) {
            assertThat(image.format()).isEqualTo("vhdx");
            assertThat(image.metadata()).containsEntry("vhdx.block_size", "1048576").containsKey("vhdx.virtual_disk_id");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void vhdxWithDefaultBlocks() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("default.vhdx", "vhdx"))) {
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    /** Past 4 GiB with 1 MiB blocks the BAT holds a sector-bitmap entry after every 4096 payload entries. */
    @Test
    void vhdxBeyondTheFirstChunk(@TempDir Path dir) throws Exception {
        long size = (4L << 30) + (300L << 20);
        byte[] near = TestDisks.randomDisk(5);
        long[] at = {(4L << 30) - 1000, (4L << 30) + (200L << 20), 12345};
        Path raw = dir.resolve("far.raw");
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            file.setLength(size);
            for (long position : at) {
                file.seek(position);
                file.write(near, 0, 1 << 20);
            }
        }
        TestDisks.run(dir, "qemu-img", "convert", "-f", "raw", "-O", "vhdx", "-o", "block_size=1M", "far.raw",
                "far.vhdx");
        try (DiskImage image = DiskImages.open(dir.resolve("far.vhdx"))) {
            assertThat(image.virtualSize()).isEqualTo(size);
            for (long position : at) {
                byte[] read = new byte[(1 << 20) + 2000];
                image.disk().readFully(position - 1000, read, 0, read.length);
                assertThat(Arrays.copyOfRange(read, 1000, 1000 + (1 << 20))).isEqualTo(Arrays.copyOf(near, 1 << 20));
                assertThat(Arrays.copyOfRange(read, 1000 + (1 << 20), read.length)).containsOnly(0);
            }
            // the sparse disk is read without fetching its empty gigabytes
            assertThat(image.disk().bytesFetched()).isLessThan(8L << 20);
        }
    }
}
