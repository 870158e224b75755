package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of damage ends in a clear error naming the structure, never a hang or a runtime exception. */
class DamagedImagesTest {
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final byte[] BAT_GUID = {0x66, 0x77, (byte) 0xC2, 0x2D, 0x23, (byte) 0xF6, 0x00, 0x42,
        (byte) 0x9D, 0x64, 0x11, 0x5E, (byte) 0x9B, (byte) 0xFD, 0x4A, 0x08};

    @TempDir
    Path dir;

    // ---- VHD

    private Path vhd() throws Exception {
        return Damage.copy(ConvertedImages.qemu("exact.vhd", "vpc", "-o", "force_size=on"), dir);
    }

    /** The BAT offset of a dynamic VHD and the index of its first allocated entry. */
    private static long[] vhdFirstBlock(Path vhd) throws Exception {
        long size = Files.size(vhd);
        long header = Damage.be(vhd, size - 512, 512).getLong(16);
        long table = Damage.be(vhd, header, 1024).getLong(16);
        ByteBuffer bat = Damage.be(vhd, table, 4 * 20);
        for (int i = 0; i < 20; i++) {
            if (bat.getInt(i * 4) != -1) {
                return new long[] {table, i};
            }
        }
        throw new AssertionError("no allocated block");
    }

    @Test
    void vhdBatEntryPastTheEnd() throws Exception {
        Path vhd = vhd();
        long[] block = vhdFirstBlock(vhd);
        Damage.putInt(vhd, block[0] + block[1] * 4, 0x7FFF_FFF0, BE);
        Damage.assertClearError(vhd).hasMessageContaining("VHD block allocation table, entry " + block[1]);
    }

    @Test
    void vhdTruncatedUsesTheFooterCopyAndFailsOnMissingBlocks() throws Exception {
        Path vhd = vhd();
        Damage.truncate(vhd, Files.size(vhd) / 2);
        Damage.assertClearError(vhd).hasMessageContaining("VHD block allocation table");
    }

    @Test
    void vhdFooterChecksum() throws Exception {
        Path vhd = vhd();
        Damage.write(vhd, Files.size(vhd) - 512 + 48, new byte[] {0x7F});
        Damage.assertClearError(vhd).hasMessageContaining("VHD footer, Checksum");
    }

    // ---- VHDX

    private Path vhdx() throws Exception {
        return Damage.copy(ConvertedImages.qemu("small-blocks.vhdx", "vhdx", "-o", "block_size=1M"), dir);
    }

    /** The file offset of the first fully present BAT entry. */
    private static long vhdxFirstPresentEntry(Path vhdx) throws Exception {
        ByteBuffer regions = Damage.le(vhdx, 192 << 10, 64 << 10);
        for (int i = 0; i < regions.getInt(8); i++) {
            byte[] guid = new byte[16];
            regions.get(16 + i * 32, guid);
            if (java.util.Arrays.equals(guid, BAT_GUID)) {
                long bat = regions.getLong(16 + i * 32 + 16);
                ByteBuffer entries = Damage.le(vhdx, bat, 8 * 64);
                for (int e = 0; e < 64; e++) {
                    if ((entries.getLong(e * 8) & 7) == 6) {
                        return bat + e * 8L;
                    }
                }
            }
        }
        throw new AssertionError("no present block");
    }

    @Test
    void vhdxUnknownBlockState() throws Exception {
        Path vhdx = vhdx();
        long entry = vhdxFirstPresentEntry(vhdx);
        long value = Damage.le(vhdx, entry, 8).getLong(0);
        Damage.putLong(vhdx, entry, value & ~7L | 5, LE);
        Damage.assertClearError(vhdx).hasMessageContaining("State").hasMessageContaining("found 5");
    }

    @Test
    void vhdxBlockPastTheEnd() throws Exception {
        Path vhdx = vhdx();
        Damage.putLong(vhdx, vhdxFirstPresentEntry(vhdx), 0xFFFFFL << 20 | 6, LE);
        Damage.assertClearError(vhdx).hasMessageContaining("FileOffsetMB");
    }

    @Test
    void vhdxWithALogToReplayIsRefused() throws Exception {
        Path vhdx = vhdx();
        for (long header : new long[] {64 << 10, 128 << 10}) {
            byte[] data = Damage.read(vhdx, header, 4096);
            data[48] = 1;
            java.util.Arrays.fill(data, 4, 8, (byte) 0);
            ByteBuffer.wrap(data).order(LE).putInt(4, Damage.crc32c(data));
            Damage.write(vhdx, header, data);
        }
        assertThatThrownBy(() -> DiskImages.open(vhdx)).isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("LogGuid").hasMessageContaining("replayed");
    }

    @Test
    void vhdxBadHeaderChecksumsAndTruncation() throws Exception {
        Path vhdx = vhdx();
        Damage.write(vhdx, (64 << 10) + 100, new byte[] {1});
        Damage.write(vhdx, (128 << 10) + 100, new byte[] {1});
        Damage.assertClearError(vhdx).hasMessageContaining("CRC-32C");
        Path cut = vhdx();
        Damage.truncate(cut, Files.size(cut) - (3 << 20));
        Damage.assertClearError(cut).hasMessageContaining("VHDX");
    }

    // ---- QCOW2

    private Path qcow2(String name, String... options) throws Exception {
        return Damage.copy(ConvertedImages.qemu(name, "qcow2", options), dir);
    }

    /** The file offset of the first allocated L2 entry. */
    private static long qcowFirstL2Entry(Path qcow) throws Exception {
        ByteBuffer header = Damage.be(qcow, 0, 104);
        long l1 = Damage.be(qcow, header.getLong(40), 8).getLong(0) & 0x00FF_FFFF_FFFF_FE00L;
        int clusterSize = 1 << header.getInt(20);
        ByteBuffer l2 = Damage.be(qcow, l1, clusterSize);
        for (int i = 0; i < clusterSize / 8; i++) {
            if (l2.getLong(i * 8) != 0) {
                return l1 + i * 8L;
            }
        }
        throw new AssertionError("no allocated cluster");
    }

    @Test
    void qcow2ClusterPastTheEnd() throws Exception {
        Path qcow = qcow2("plain.qcow2");
        Damage.putLong(qcow, qcowFirstL2Entry(qcow), 1L << 63 | 0x00FF_FFFF_FFFF_0000L, BE);
        Damage.assertClearError(qcow).hasMessageContaining("QCOW2 L2 entry");
    }

    @Test
    void qcow2CompressedClusterGarbage() throws Exception {
        Path qcow = qcow2("small.qcow2", "-c", "-o", "cluster_size=4096");
        long entry = Damage.be(qcow, qcowFirstL2Entry(qcow), 8).getLong(0);
        assertThat(entry & 1L << 62).as("compressed").isNotZero();
        long host = entry & ((1L << (62 - 4)) - 1);
        Damage.write(qcow, host, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        Damage.assertClearError(qcow).hasMessageContaining("compressed");
    }

    @Test
    void qcow2L1EntryMisalignedAndTruncation() throws Exception {
        Path qcow = qcow2("plain.qcow2");
        long l1 = Damage.be(qcow, 0, 104).getLong(40);
        Damage.putLong(qcow, l1, 1L << 63 | 0x1200, BE);
        Damage.assertClearError(qcow).hasMessageContaining("QCOW2 L1 entry 0");
        Path cut = qcow2("plain.qcow2");
        Damage.truncate(cut, Files.size(cut) / 2);
        Damage.assertClearError(cut).hasMessageContaining("QCOW2");
    }

    @Test
    void qcow2BackingFileEncryptionAndExternalDataAreRefused() throws Exception {
        Path backing = qcow2("plain.qcow2");
        Damage.putLong(backing, 8, 0x200, BE);
        assertThatThrownBy(() -> DiskImages.open(backing)).isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("backing file");
        Path encrypted = qcow2("plain.qcow2");
        Damage.putInt(encrypted, 32, 2, BE);
        assertThatThrownBy(() -> DiskImages.open(encrypted)).isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("encrypted");
        Path external = qcow2("plain.qcow2");
        Damage.putLong(external, 72, 4, BE);
        assertThatThrownBy(() -> DiskImages.open(external)).isInstanceOf(UnsupportedImageException.class)
                .hasMessageContaining("external data file");
    }

    // ---- VMDK

    /** The file offset of the first allocated grain table entry. */
    private static long vmdkFirstGtEntry(Path vmdk, long headerAt) throws Exception {
        ByteBuffer header = Damage.le(vmdk, headerAt, 512);
        long gt = (Damage.le(vmdk, header.getLong(56) * 512, 4).getInt(0) & 0xFFFFFFFFL) * 512;
        ByteBuffer table = Damage.le(vmdk, gt, 2048);
        for (int i = 0; i < 512; i++) {
            if (table.getInt(i * 4) != 0) {
                return gt + i * 4L;
            }
        }
        throw new AssertionError("no allocated grain");
    }

    @Test
    void vmdkGrainPastTheEnd() throws Exception {
        Path vmdk = Damage.copy(ConvertedImages.qemu("sparse.vmdk", "vmdk"), dir);
        Damage.putInt(vmdk, vmdkFirstGtEntry(vmdk, 0), 0x7FFF_FFFF, LE);
        Damage.assertClearError(vmdk).hasMessageContaining("VMDK grain table");
    }

    @Test
    void vmdkGrainDirectoryPastTheEnd() throws Exception {
        Path vmdk = Damage.copy(ConvertedImages.qemu("sparse.vmdk", "vmdk"), dir);
        long gd = Damage.le(vmdk, 0, 512).getLong(56) * 512;
        Damage.putInt(vmdk, gd, 0x7FFF_FFFF, LE);
        Damage.assertClearError(vmdk).hasMessageContaining("VMDK grain directory entry 0");
    }

    @Test
    void vmdkStreamGrainMarkerForAnotherGrain() throws Exception {
        Path vmdk = Damage.copy(ConvertedImages.qemu("stream.vmdk", "vmdk", "-o", "subformat=streamOptimized"),
                dir);
        long entry = vmdkFirstGtEntry(vmdk, 0);
        long grain = (Damage.le(vmdk, entry, 4).getInt(0) & 0xFFFFFFFFL) * 512;
        Damage.putLong(vmdk, grain, 999_999, LE);
        Damage.assertClearError(vmdk).hasMessageContaining("VMDK grain marker, lba");
    }

    @Test
    void vmdkStreamWithoutItsFooter() throws Exception {
        Path vmdk = Damage.copy(ConvertedImages.image("gdend.vmdk", "python3",
                "/usr/lib/python3/dist-packages/VMDKstream.py", "RAW", "OUT"), dir);
        Damage.truncate(vmdk, Files.size(vmdk) - 1024);
        Damage.assertClearError(vmdk).hasMessageContaining("VMDK footer");
    }

    @Test
    void vmdkDescriptorWithAMissingOrShortExtentOrAParent(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("d.vmdk"), "# Disk DescriptorFile\nversion=1\nparentCID=ffffffff\n"
                + "createType=\"monolithicFlat\"\nRW 4096 FLAT \"short.bin\" 0\n");
        Files.write(other.resolve("short.bin"), new byte[1000]);
        Damage.assertClearError(other.resolve("d.vmdk"), "short.bin").hasMessageContaining("VMDK flat extent");
        Files.writeString(other.resolve("p.vmdk"), "# Disk DescriptorFile\nversion=1\nparentCID=1234abcd\n"
                + "createType=\"monolithicFlat\"\nRW 1 FLAT \"short.bin\" 0\n");
        assertThatThrownBy(() -> DiskImages.open(other.resolve("p.vmdk")))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("parentCID");
        Files.writeString(other.resolve("far.vmdk"), "# Disk DescriptorFile\nversion=1\nparentCID=ffffffff\n"
                + "createType=\"monolithicFlat\"\nRW 1 FLAT \"../etc/passwd\" 0\nRW 1 FLAT \"/etc/passwd\" 0\n");
        assertThatThrownBy(() -> DiskImages.open(other.resolve("far.vmdk")))
                .isInstanceOf(UnsupportedImageException.class).hasMessageContaining("descriptor's folder");
        Files.createDirectory(other.resolve("dir.bin"));
        Files.writeString(other.resolve("dir.vmdk"), "# Disk DescriptorFile\nversion=1\nparentCID=ffffffff\n"
                + "createType=\"monolithicFlat\"\nRW 1 FLAT \"dir.bin\" 0\n");
        Damage.assertClearError(other.resolve("dir.vmdk"), "dir.bin").hasMessageContaining("regular file");
        Files.writeString(other.resolve("self.vmdk"), "# Disk DescriptorFile\nversion=1\nparentCID=ffffffff\n"
                + "createType=\"twoGbMaxExtentSparse\"\nRW 8 SPARSE \"self.vmdk\"\n");
        Damage.assertClearError(other.resolve("self.vmdk")).hasMessageContaining("VMDK sparse extent header");
    }

    // ---- E01

    private Path e01() throws Exception {
        Path first = EwfFormatTest.compressed();
        for (int i = 1; Files.exists(ConvertedImages.dir().resolve(String.format("best.E%02d", i))); i++) {
            Damage.copy(ConvertedImages.dir().resolve(String.format("best.E%02d", i)), dir);
        }
        return dir.resolve(first.getFileName());
    }

    /** Rewrites a section descriptor's field and fixes its Adler-32 so only the field's meaning is wrong. */
    private static void setDescriptorNext(Path segment, long at, long next) throws Exception {
        byte[] descriptor = Damage.read(segment, at, 76);
        ByteBuffer view = ByteBuffer.wrap(descriptor).order(LE);
        view.putLong(16, next);
        view.putInt(72, Damage.adler(descriptor, 0, 72));
        Damage.write(segment, at, descriptor);
    }

    /** The offset of the first section of {@code type}. */
    private static long section(Path segment, String type) throws Exception {
        long at = 13;
        for (int i = 0; i < 100; i++) {
            ByteBuffer descriptor = Damage.le(segment, at, 76);
            String found = new String(descriptor.array(), 0, 16, java.nio.charset.StandardCharsets.US_ASCII)
                    .replace("\0", "");
            if (found.equals(type)) {
                return at;
            }
            at = descriptor.getLong(16);
        }
        throw new AssertionError("no " + type + " section");
    }

    @Test
    void e01SectionChainLoop() throws Exception {
        Path e01 = e01();
        setDescriptorNext(e01, section(e01, "volume"), 13);
        Damage.assertClearError(e01).hasMessageContaining("next offset");
    }

    @Test
    void e01TableEntryPastTheEnd() throws Exception {
        Path e01 = e01();
        long table = section(e01, "table") + 76;
        int count = Damage.le(e01, table, 4).getInt(0);
        byte[] entries = Damage.read(e01, table + 24, count * 4 + 4);
        ByteBuffer view = ByteBuffer.wrap(entries).order(LE);
        view.putInt(0, 0x7FFF_FFF0);
        view.putInt(count * 4, Damage.adler(entries, 0, count * 4));
        Damage.write(e01, table + 24, entries);
        Damage.write(e01, section(e01, "table2") + 76 + 24, entries);
        Damage.assertClearError(e01).hasMessageContaining("EWF table entry 0");
    }

    @Test
    void e01DamagedTableFallsBackToItsTable2Mirror() throws Exception {
        Path e01 = e01();
        long table = section(e01, "table") + 76;
        Damage.write(e01, table + 24, new byte[] {0x11, 0x22, 0x33, 0x44});
        try (DiskImage image = DiskImages.open(e01)) {
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
        long mirror = section(e01, "table2") + 76;
        Damage.write(e01, mirror + 24, new byte[] {0x11, 0x22, 0x33, 0x44});
        Damage.assertClearError(e01).hasMessageContaining("EWF table entries, checksum");
    }

    @Test
    void e01CorruptChunkTruncationAndMissingSegment() throws Exception {
        Path e01 = e01();
        long sectors = section(e01, "sectors");
        Damage.write(e01, sectors + 76 + 2, new byte[] {0x55, 0x55, 0x55, 0x55, 0x55, 0x55});
        Damage.assertClearError(e01).hasMessageContaining("EWF");
        Path cut = e01();
        Damage.truncate(cut, Files.size(cut) - 100);
        Damage.assertClearError(cut).hasMessageContaining("EWF");
        Path missing = e01();
        Files.delete(dir.resolve("best.E02"));
        Damage.assertClearError(missing).hasMessageContaining("best.E02");
    }
}
