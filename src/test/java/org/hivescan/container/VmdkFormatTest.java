package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** VMDK made by qemu-img and VMDKstream.py from a random raw disk reads back as that disk. */
class VmdkFormatTest {
    @Test
    void monolithicSparse() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("sparse.vmdk", "vmdk"))) {
            assertThat(image.format()).isEqualTo("vmdk");
            assertThat(image.metadata()).containsEntry("subformat", "monolithicSparse").containsKey("vmdk.cid");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void streamOptimizedByQemuHasItsGrainDirectoryInTheHeader() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("stream.vmdk", "vmdk", "-o",
                "subformat=streamOptimized"))) {
            assertThat(image.metadata()).containsEntry("subformat", "streamOptimized")
                    .doesNotContainKey("vmdk.grain_directory");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void streamOptimizedWithGrainDirectoryAtTheEnd() throws Exception {
        Path vmdk = ConvertedImages.image("gdend.vmdk", "python3", "/usr/lib/python3/dist-packages/VMDKstream.py",
                "RAW", "OUT");
        try (DiskImage image = DiskImages.open(vmdk)) {
            assertThat(image.metadata()).containsEntry("vmdk.grain_directory", "footer");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void descriptorWithSplitFlatExtents() throws Exception {
        // 2 GB extents would need a big disk; monolithicFlat and twoGbMaxExtentFlat share the descriptor path
        Path vmdk = ConvertedImages.qemu("flat.vmdk", "vmdk", "-o", "subformat=twoGbMaxExtentFlat");
        assertThat(Files.size(vmdk)).isLessThan(4096);
        try (DiskImage image = DiskImages.open(vmdk)) {
            assertThat(image.metadata()).containsEntry("subformat", "twoGbMaxExtentFlat");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void descriptorWithSparseExtents() throws Exception {
        Path vmdk = ConvertedImages.qemu("split-sparse.vmdk", "vmdk", "-o", "subformat=twoGbMaxExtentSparse");
        try (DiskImage image = DiskImages.open(vmdk)) {
            assertThat(image.metadata()).containsEntry("subformat", "twoGbMaxExtentSparse");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void handWrittenDescriptorChainsFlatZeroAndSparseExtents(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        byte[] raw = ConvertedImages.raw();
        int half = raw.length / 2;
        Files.write(dir.resolve("a.bin"), java.util.Arrays.copyOfRange(raw, 0, half));
        Files.copy(ConvertedImages.qemu("sparse.vmdk", "vmdk"), dir.resolve("b.vmdk"));
        String descriptor = "# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\n"
                + "createType=\"custom\"\n\n"
                + "RW " + half / 512 + " FLAT \"a.bin\" 0\n"
                + "RW 2048 ZERO\n"
                + "RW " + raw.length / 512 + " SPARSE \"b.vmdk\"\n";
        Files.writeString(dir.resolve("chain.vmdk"), descriptor);
        byte[] expected = new byte[half + 2048 * 512 + raw.length];
        System.arraycopy(raw, 0, expected, 0, half);
        System.arraycopy(raw, 0, expected, half + 2048 * 512, raw.length);
        try (DiskImage image = DiskImages.open(dir.resolve("chain.vmdk"))) {
            assertThat(image.metadata()).containsEntry("files", "3");
            TestDisks.assertSameDisk(image, expected);
        }
    }
}
