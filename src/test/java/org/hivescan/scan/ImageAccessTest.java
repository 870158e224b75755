package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which files a scan opens as disk images: by content, with names only for raw extensions and image parts. */
class ImageAccessTest {
    private static final byte[] NONE = new byte[0];

    private static byte[] mbr(int status, int type, long sectors) {
        byte[] head = new byte[4096];
        head[510] = 0x55;
        head[511] = (byte) 0xAA;
        head[446] = (byte) status;
        head[446 + 4] = (byte) type;
        for (int i = 0; i < 4; i++) {
            head[446 + 12 + i] = (byte) (sectors >>> (8 * i));
        }
        return head;
    }

    @Test
    void aRawDiskIsKnownByItsPartitionTableOrNtfsBootSector() {
        assertThat(ImageAccess.isImage("disk", mbr(0x80, 0x07, 2048), NONE)).isTrue();
        assertThat(ImageAccess.isImage("disk", mbr(0x00, 0xEE, 0xFFFFFFFFL), NONE)).isTrue();
        byte[] ntfs = mbr(0, 0, 0);
        System.arraycopy("NTFS    ".getBytes(StandardCharsets.US_ASCII), 0, ntfs, 3, 8);
        assertThat(ImageAccess.isImage("volume.bin", ntfs, NONE)).isTrue();
    }

    @Test
    void aBootSignatureAloneOrAnEmptyTableIsNotADisk() {
        assertThat(ImageAccess.isImage("boot.bin", mbr(0x80, 0, 0), NONE)).isFalse();
        assertThat(ImageAccess.isImage("boot.bin", mbr(0x42, 0x07, 2048), NONE)).isFalse();
        assertThat(ImageAccess.isImage("boot.bin", mbr(0x80, 0x07, 0), NONE)).isFalse();
        assertThat(ImageAccess.isImage("notes.txt", "hello".getBytes(StandardCharsets.US_ASCII), NONE)).isFalse();
    }

    @Test
    void rawImageExtensionsAreOpenedAndImagePartsAreLeftToTheirFirstFile() {
        assertThat(ImageAccess.isImage("dump.dd", new byte[512], NONE)).isTrue();
        assertThat(ImageAccess.isImage("DISK.IMG", new byte[512], NONE)).isTrue();
        assertThat(ImageAccess.isImage("disk-flat.vmdk", mbr(0x80, 0x07, 2048), NONE)).isFalse();
        assertThat(ImageAccess.isImage("disk-s001.vmdk", "KDMV".getBytes(StandardCharsets.US_ASCII), NONE))
                .isFalse();
        assertThat(ImageAccess.isImage("disk.002", mbr(0x80, 0x07, 2048), NONE)).isFalse();
        assertThat(ImageAccess.isImage("disk.001", mbr(0x80, 0x07, 2048), NONE)).isTrue();
        assertThat(ImageAccess.isImage("export", "vhdxfile".getBytes(StandardCharsets.US_ASCII), NONE)).isTrue();
    }
}
