package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hivescan.bytes.FileByteSource;
import org.junit.jupiter.api.Test;

/**
 * Images read through a byte source, as from a file system with no local path: a single-file image reads back as
 * the disk it was made from; an image spanning several files is refused, naming the file it would need.
 */
class ByteSourceImagesTest {

    @Test
    void singleFileImagesReadBackAsTheirDisk() throws Exception {
        for (Path file : new Path[] {ConvertedImages.qemu("source.vhdx", "vhdx", "-o", "block_size=1M"),
            ConvertedImages.qemu("source.qcow2", "qcow2"), ConvertedImages.qemu("source.vmdk", "vmdk")}) {
            try (DiskImage image = DiskImages.open(FileByteSource.open(file))) {
                assertThat(image.disk().name()).contains(file.getFileName().toString());
                TestDisks.assertSameDisk(image, ConvertedImages.raw());
            }
        }
    }

    @Test
    void aMultiSegmentE01IsRefusedNamingTheSegmentItNeeds() throws Exception {
        Path e01 = EwfFormatTest.compressed();
        assertThatThrownBy(() -> DiskImages.open(FileByteSource.open(e01)))
                .isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("best.E02").hasMessageContaining("local path");
    }

    @Test
    void magicNumbersNameTheFormatAndLeaveOutLaterE01Segments() throws Exception {
        byte[] e01 = {'E', 'V', 'F', 0x09, 0x0D, 0x0A, (byte) 0xFF, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00};
        assertThat(DiskImages.formatByMagic(e01, new byte[0])).isEqualTo("e01");
        e01[9] = 2;
        assertThat(DiskImages.formatByMagic(e01, new byte[0])).isNull();
        assertThat(DiskImages.formatByMagic("QFI\u00fb".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                new byte[0])).isEqualTo("qcow2");
        assertThat(DiskImages.formatByMagic(new byte[512], "conectix".getBytes(java.nio.charset.StandardCharsets
                .US_ASCII))).isEqualTo("vhd");
        assertThat(DiskImages.formatByMagic(new byte[512], new byte[512])).isNull();
    }
}
