package org.hivescan.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hivescan.bytes.ByteSource;
import org.hivescan.volume.TestImages.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Damaged and refused images end in one clear error naming image, offset, structure and field; never a hang. */
class DamagedImageTest {
    private static final String SYSTEM = "/Windows/System32/config/SYSTEM";
    private static RawFileSource gpt;
    private static RawFileSource mbr;

    @BeforeAll
    static void open() throws IOException {
        gpt = new RawFileSource(TestImages.raw(Variant.GPT_ESP_FRAG));
        mbr = new RawFileSource(TestImages.raw(Variant.MBR_ZIGZAG));
    }

    @AfterAll
    static void close() throws IOException {
        gpt.close();
        mbr.close();
    }

    /** A file's MFT record in the GPT image, with a patchable copy of the disk to damage it in. */
    private record FileRecord(Partition partition, long record, PatchedSource disk, byte[] bytes) {
        static FileRecord of(String path) throws IOException {
            Partition p = windowsPartition(gpt);
            NtfsVolume intact = volume(gpt, p);
            long record = intact.recordDiskOffset(intact.file(path).recordNumber());
            PatchedSource disk = new PatchedSource(gpt);
            return new FileRecord(p, record, disk, Damage.record(disk, record, 1024));
        }
    }

    private static Partition windowsPartition(ByteSource disk) throws IOException {
        return DiskLayout.scan(disk).windows().get(0).partition();
    }

    private static NtfsVolume volume(ByteSource disk, Partition p) throws IOException {
        return NtfsVolume.open(new SliceSource(disk, p.start(), p.length(), disk.name()), disk.name(), p.start());
    }

    @Test
    void intactImagesHaveOneWindowsWithHivesAndLogs() throws IOException {
        DiskLayout layout = DiskLayout.scan(gpt);
        assertThat(layout.table().scheme()).isEqualTo(PartitionScheme.GPT);
        assertThat(layout.volumes()).extracting(VolumeInfo::fileSystem).containsExactly("FAT32", "", "NTFS", "NTFS");
        assertThat(layout.volumes().get(3).label()).isEqualTo("Recovery");
        assertThat(layout.windows()).hasSize(1);
        WindowsInstallation w = layout.windows().get(0);
        assertThat(w.partition().index()).isEqualTo(3);
        assertThat(w.files()).extracting(WindowsInstallation.HiveFile::name)
                .containsExactlyInAnyOrder("SAM", "SAM.LOG1", "SOFTWARE", "SYSTEM");
        assertThat(w.logsOf("sam")).extracting(WindowsInstallation.HiveFile::name).containsExactly("SAM.LOG1");
        assertThat(w.file("system").orElseThrow().size()).isEqualTo(12288);

        DiskLayout sysres = DiskLayout.scan(new RawFileSource(TestImages.raw(Variant.MBR_SYSRES)));
        assertThat(sysres.table().scheme()).isEqualTo(PartitionScheme.MBR);
        assertThat(sysres.volumes()).extracting(v -> v.partition().flags()).containsExactly(0x80L, 0L);
        assertThat(sysres.volumes().get(0).label()).isEqualTo("System Reserved");
        assertThat(sysres.windows()).extracting(x -> x.partition().index()).containsExactly(2);
    }

    @Test
    void badMftFixupNamesTheRecordAndTheSector() throws IOException {
        Partition p = windowsPartition(gpt);
        NtfsVolume intact = volume(gpt, p);
        long record = intact.recordDiskOffset(intact.file(SYSTEM).recordNumber());
        PatchedSource disk = new PatchedSource(gpt).patch(record + 510, (byte) 0x12, (byte) 0x34);
        assertThatThrownBy(() -> volume(disk, p).file(SYSTEM))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining(gpt.name())
                .hasMessageContaining(String.format("0x%X", record + 510))
                .hasMessageContaining("update sequence number at the end of sector 0")
                .hasMessageContaining("found 0x3412");
    }

    @Test
    void runPastTheVolumeEndIsRefused() throws IOException {
        FileRecord f = FileRecord.of("/Windows/System32/config/SAM");
        Partition p = f.partition();
        long record = f.record();
        PatchedSource disk = f.disk();
        byte[] b = f.bytes();
        int data = Damage.attribute(b, Attribute.DATA);
        int runs = data + Le.u16(b, data + 32);
        int header = Le.u8(b, runs);
        int offsetAt = runs + 1 + (header & 0x0F);
        byte[] huge = new byte[header >>> 4];
        java.util.Arrays.fill(huge, (byte) 0x7F);
        Damage.inRecord(disk, record, offsetAt, huge);
        assertThatThrownBy(() -> volume(disk, p).file("/Windows/System32/config/SAM").open())
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("data run list")
                .hasMessageContaining("run LCN")
                .hasMessageContaining("past the end");
    }

    @Test
    void runListWithoutTerminatorEndsAtTheAttribute() throws IOException {
        FileRecord f = FileRecord.of(SYSTEM);
        Partition p = f.partition();
        long record = f.record();
        PatchedSource disk = f.disk();
        byte[] b = f.bytes();
        int data = Damage.attribute(b, Attribute.DATA);
        int runs = data + Le.u16(b, data + 32);
        int end = data + (int) Le.u32(b, data + 4);
        byte[] endless = new byte[end - runs];
        java.util.Arrays.fill(endless, (byte) 0x01);
        Damage.inRecord(disk, record, runs, endless);
        assertThatThrownBy(() -> volume(disk, p).file(SYSTEM))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("data run list");
    }

    @Test
    void indexNodePointingBackAtItselfIsALoopNotAHang() throws IOException {
        Partition p = windowsPartition(gpt);
        NtfsVolume intact = volume(gpt, p);
        NtfsFile system32 = intact.file("/Windows/System32");
        NtfsFileSource allocation = (NtfsFileSource) intact.stream(
                NtfsVolume.extents(system32.attributes(), Attribute.INDEX_ALLOCATION, "$I30"), "test");
        PatchedSource disk = new PatchedSource(gpt);
        int size = 4096;
        int patched = 0;
        for (long vcn = 0; vcn * size < allocation.size(); vcn++) {
            long at = allocation.diskOffsetOf(vcn * size);
            byte[] b = disk.read(at, size);
            if (!new String(b, 0, 4, StandardCharsets.US_ASCII).equals("INDX")) {
                continue;
            }
            Fixups.apply(b, "test", at, "INDX");
            if ((b[24 + 12] & 1) == 0) {
                continue;
            }
            // an inner node: every entry's subnode now points at this very node
            for (int e = 24 + (int) Le.u32(b, 24); ; ) {
                int length = Le.u16(b, e + 8);
                int flags = Le.u16(b, e + 12);
                if ((flags & 1) != 0) {
                    Damage.inRecord(disk, at, e + length - 8, Damage.le(vcn, 8));
                    patched++;
                }
                if ((flags & 2) != 0) {
                    break;
                }
                e += length;
            }
        }
        assertThat(patched).isPositive();
        assertThatThrownBy(() -> volume(disk, p).file("/Windows/System32/api-ms-win-dummy-l777-1-0.dll"))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("directory index of /Windows/System32")
                .hasMessageContaining("loop in the index tree");
        assertThatThrownBy(() -> volume(disk, p).list(volume(disk, p).file("/Windows/System32")))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("loop in the index tree");
    }

    @Test
    void partitionPastTheEndOfATruncatedImage() throws IOException {
        Partition p = windowsPartition(gpt);
        PatchedSource truncated = new PatchedSource(gpt, p.start() + (1 << 20));
        assertThatThrownBy(() -> DiskLayout.scan(truncated))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining(gpt.name())
                .hasMessageContaining("past the end");
        PatchedSource tiny = new PatchedSource(gpt, 300);
        assertThatThrownBy(() -> DiskLayout.scan(tiny))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("expected at least one 512-byte sector, found 300 byte(s)");
    }

    @Test
    void mbrPartitionPastTheEnd() throws IOException {
        PatchedSource disk = new PatchedSource(mbr).patchLe(446 + 12, 0x7FFFFFFFL, 4);
        assertThatThrownBy(() -> PartitionTables.read(disk))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("partition 1 (MBR entry)")
                .hasMessageContaining("past the end");
    }

    @Test
    void bitLockerVolumeIsFlaggedAndRefused() throws IOException {
        Partition p = windowsPartition(mbr);
        PatchedSource disk = new PatchedSource(mbr).patch(p.start() + 3, "-FVE-FS-".getBytes(StandardCharsets.US_ASCII));
        DiskLayout layout = DiskLayout.scan(disk);
        assertThat(layout.windows()).isEmpty();
        assertThat(layout.volumes().get(0).bitLocker()).isTrue();
        assertThatThrownBy(() -> volume(disk, p))
                .isInstanceOf(UnsupportedVolumeException.class)
                .hasMessageContaining("volume is BitLocker-encrypted");
    }

    @Test
    void dynamicDisksAndStorageSpacesAreRefused() throws IOException {
        PatchedSource mbrDynamic = new PatchedSource(mbr).patch(446 + 4, (byte) 0x42);
        assertThatThrownBy(() -> PartitionTables.read(mbrDynamic))
                .isInstanceOf(UnsupportedVolumeException.class)
                .hasMessageContaining("dynamic disk");
        assertThatThrownBy(() -> PartitionTables.read(gptWithType("AF9B60A0-1431-4F62-BC68-3311714A69AD")))
                .isInstanceOf(UnsupportedVolumeException.class)
                .hasMessageContaining("dynamic disk");
        assertThatThrownBy(() -> PartitionTables.read(gptWithType("E75CAF8F-F680-4CEE-AFA3-B001E56EFC2D")))
                .isInstanceOf(UnsupportedVolumeException.class)
                .hasMessageContaining("Storage Spaces");
    }

    @Test
    void badPrimaryGptHeaderFallsBackToTheBackupAndBothBadIsAnError() throws IOException {
        PatchedSource primaryBad = new PatchedSource(gpt).patch(512 + 24, (byte) 0x55);
        assertThat(PartitionTables.read(primaryBad).partitions()).hasSize(4);
        long backup = gpt.size() - 512;
        PatchedSource bothBad = new PatchedSource(gpt).patch(512 + 24, (byte) 0x55).patch(backup + 24, (byte) 0x55);
        assertThatThrownBy(() -> PartitionTables.read(bothBad))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("at disk offset 0x210, GPT header: header CRC32");
    }

    @Test
    void compressedFilesAreRefusedClearly() throws IOException {
        FileRecord f = FileRecord.of(SYSTEM);
        Partition p = f.partition();
        long record = f.record();
        PatchedSource disk = f.disk();
        byte[] b = f.bytes();
        int data = Damage.attribute(b, Attribute.DATA);
        Damage.inRecord(disk, record, data + 12, (byte) 0x01, (byte) 0x00);
        NtfsFile file = volume(disk, p).file(SYSTEM);
        assertThatThrownBy(file::open)
                .isInstanceOf(UnsupportedVolumeException.class)
                .hasMessageContaining(gpt.name() + ":" + SYSTEM)
                .hasMessageContaining("NTFS-compressed");
    }

    /** The GPT image with entry 3's type replaced and both CRCs made right again, so only the type is wrong. */
    private static ByteSource gptWithType(String guid) throws IOException {
        PatchedSource disk = new PatchedSource(gpt);
        byte[] header = disk.read(512, 92);
        long entries = Le.s64(header, 72) * 512;
        int count = (int) Le.u32(header, 80);
        int size = (int) Le.u32(header, 84);
        byte[] array = disk.read(entries, count * size);
        System.arraycopy(guidBytes(guid), 0, array, 2 * size, 16);
        disk.patch(entries, array);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(array);
        System.arraycopy(Damage.le(crc.getValue(), 4), 0, header, 88, 4);
        System.arraycopy(new byte[4], 0, header, 16, 4);
        crc.reset();
        crc.update(header, 0, 92);
        System.arraycopy(Damage.le(crc.getValue(), 4), 0, header, 16, 4);
        disk.patch(512, header);
        return disk;
    }

    private static byte[] guidBytes(String guid) {
        String hex = guid.replace("-", "");
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        for (int[] swap : List.of(new int[] {0, 3}, new int[] {1, 2}, new int[] {4, 5}, new int[] {6, 7})) {
            byte t = b[swap[0]];
            b[swap[0]] = b[swap[1]];
            b[swap[1]] = t;
        }
        return b;
    }
}
