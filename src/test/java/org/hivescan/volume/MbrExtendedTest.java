package org.hivescan.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Extended partitions, written here by hand as the DOS convention lays them out: an extended entry in the MBR,
 * then a chain of extended boot records, each with a logical drive relative to itself and a link relative to the
 * start of the extended partition.
 */
class MbrExtendedTest {
    private static final int SECTOR = 512;

    private static void entry(byte[] disk, long sector, int slot, int type, long firstLba, long sectors) {
        int at = (int) (sector * SECTOR) + 446 + 16 * slot;
        disk[at + 4] = (byte) type;
        System.arraycopy(Damage.le(firstLba, 4), 0, disk, at + 8, 4);
        System.arraycopy(Damage.le(sectors, 4), 0, disk, at + 12, 4);
        disk[(int) (sector * SECTOR) + 510] = 0x55;
        disk[(int) (sector * SECTOR) + 511] = (byte) 0xAA;
    }

    /** MBR: p1 NTFS at 64, p2 extended 200..999; EBRs at 200 (logical at +10) and 400 (logical at +10). */
    private static byte[] disk() {
        byte[] disk = new byte[1000 * SECTOR];
        entry(disk, 0, 0, 0x07, 64, 100);
        entry(disk, 0, 1, 0x0F, 200, 800);
        entry(disk, 200, 0, 0x07, 10, 150);
        entry(disk, 200, 1, 0x05, 200, 300);
        entry(disk, 400, 0, 0x27, 10, 50);
        return disk;
    }

    @Test
    void logicalDrivesFollowThePrimariesNumberedFromFive() throws IOException {
        PartitionTable table = PartitionTables.read(new ByteArraySource(disk()));
        assertThat(table.scheme()).isEqualTo(PartitionScheme.MBR);
        assertThat(table.partitions()).extracting(Partition::index).containsExactly(1, 5, 6);
        assertThat(table.partitions()).extracting(Partition::start)
                .containsExactly(64L * SECTOR, 210L * SECTOR, 410L * SECTOR);
        assertThat(table.partitions()).extracting(Partition::length)
                .containsExactly(100L * SECTOR, 150L * SECTOR, 50L * SECTOR);
        assertThat(table.partitions()).extracting(Partition::type).containsExactly("0x07", "0x07", "0x27");
    }

    @Test
    void anEbrLinkingBackIsALoopNotAHang() {
        byte[] disk = disk();
        entry(disk, 400, 1, 0x05, 0, 300);
        assertThatThrownBy(() -> PartitionTables.read(new ByteArraySource(disk)))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("memory.img: at disk offset 0x19000, extended boot record chain")
                .hasMessageContaining("loop");
    }

    @Test
    void anEbrPastTheEndIsNamed() {
        byte[] disk = disk();
        entry(disk, 200, 1, 0x05, 5000, 300);
        assertThatThrownBy(() -> PartitionTables.read(new ByteArraySource(disk)))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("extended boot record")
                .hasMessageContaining("past the end");
    }

    @Test
    void aLogicalDriveOfTypeLdmIsADynamicDisk() {
        byte[] disk = disk();
        entry(disk, 400, 0, 0x42, 10, 50);
        assertThatThrownBy(() -> PartitionTables.read(new ByteArraySource(disk)))
                .isInstanceOf(UnsupportedVolumeException.class)
                .hasMessageContaining("dynamic disk");
    }

    @Test
    void aDiskWithoutTableOrBootSectorIsNamed() {
        assertThatThrownBy(() -> PartitionTables.read(new ByteArraySource(new byte[4096])))
                .isInstanceOf(VolumeFormatException.class)
                .hasMessageContaining("memory.img: at disk offset 0x1FE, MBR: boot signature: expected 0xAA55, "
                        + "found 0x0000");
    }
}
