package org.hivescan.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.hivescan.bytes.ByteSource;

/**
 * Reads the partition table of a disk: a DOS/MBR table with its chain of extended boot records, or a GUID
 * partition table behind its protective MBR (UEFI specification, chapter 5 "GUID Partition Table (GPT) Disk
 * Layout"). Dynamic disks (LDM) and Storage Spaces are refused: their volumes are not where the table says.
 */
public final class PartitionTables {
    private static final int MBR_SECTOR = 512;
    private static final int MAX_LOGICAL = 128;
    private static final int MAX_GPT_ENTRIES_BYTES = 1 << 20;
    private static final String LDM_METADATA = "5808C8AA-7E8F-42E0-85D2-E1E90434CFB3";
    private static final String LDM_DATA = "AF9B60A0-1431-4F62-BC68-3311714A69AD";
    private static final String STORAGE_SPACES = "E75CAF8F-F680-4CEE-AFA3-B001E56EFC2D";
    private static final Map<String, String> GPT_TYPES = Map.of(
            "C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "EFI system",
            "E3C9E316-0B5C-4DB8-817D-F92DF00215AE", "Microsoft reserved",
            "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", "Microsoft basic data",
            "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC", "Windows recovery",
            "0FC63DAF-8483-4772-8E79-3D69D8477DE4", "Linux filesystem");

    private PartitionTables() {
    }

    /** Reads the table of {@code disk}; a disk that starts with an NTFS or BitLocker boot sector has none. */
    public static PartitionTable read(ByteSource disk) throws IOException {
        long diskSize = disk.size();
        if (diskSize < MBR_SECTOR) {
            throw new VolumeFormatException(disk.name(), 0, "disk", "expected at least one 512-byte sector, found "
                    + diskSize + " byte(s)");
        }
        byte[] sector = read(disk, 0, MBR_SECTOR);
        String oem = new String(sector, 3, 8, StandardCharsets.US_ASCII);
        if (oem.equals(NtfsVolume.NTFS_OEM) || oem.equals(NtfsVolume.BITLOCKER_OEM)) {
            return new PartitionTable(PartitionScheme.NONE, MBR_SECTOR, "",
                    List.of(new Partition(1, PartitionScheme.NONE, "", "whole disk", 0, diskSize, "", 0)));
        }
        if (Le.u16(sector, 510) != 0xAA55) {
            throw new VolumeFormatException(disk.name(), 510, "MBR", String.format(
                    "boot signature: expected 0xAA55, found 0x%04X (no partition table and no NTFS boot sector)",
                    Le.u16(sector, 510)));
        }
        for (int slot = 0; slot < 4; slot++) {
            if (Le.u8(sector, 446 + 16 * slot + 4) == 0xEE) {
                return readGpt(disk, diskSize);
            }
        }
        return readMbr(disk, diskSize, sector);
    }

    private static PartitionTable readMbr(ByteSource disk, long diskSize, byte[] mbr) throws IOException {
        List<Partition> partitions = new ArrayList<>();
        long extendedStart = -1;
        for (int slot = 0; slot < 4; slot++) {
            int at = 446 + 16 * slot;
            int type = Le.u8(mbr, at + 4);
            long firstLba = Le.u32(mbr, at + 8);
            long sectors = Le.u32(mbr, at + 12);
            if (type == 0 || sectors == 0) {
                continue;
            }
            refuseDynamic(disk, at + 4, type);
            if (isExtended(type)) {
                if (extendedStart < 0) {
                    extendedStart = firstLba;
                }
                continue;
            }
            partitions.add(mbrPartition(disk, diskSize, slot + 1, at, mbr, 0));
        }
        if (extendedStart >= 0) {
            readLogicalDrives(disk, diskSize, extendedStart, partitions);
        }
        return new PartitionTable(PartitionScheme.MBR, MBR_SECTOR, String.format("%08X", Le.u32(mbr, 440)),
                partitions);
    }

    /** Walks the EBR chain: entry 1 is a logical drive relative to its EBR, entry 2 links the next EBR. */
    private static void readLogicalDrives(ByteSource disk, long diskSize, long extendedStart,
            List<Partition> partitions) throws IOException {
        Set<Long> seen = new HashSet<>();
        long ebrLba = extendedStart;
        int number = 5;
        while (true) {
            long ebrOffset = ebrLba * MBR_SECTOR;
            if (!seen.add(ebrLba) || seen.size() > MAX_LOGICAL) {
                throw new VolumeFormatException(disk.name(), ebrOffset, "extended boot record chain",
                        "link to the next EBR: expected a new record (at most " + MAX_LOGICAL
                                + "), found a loop or an endless chain");
            }
            checkInside(disk, diskSize, ebrOffset, MBR_SECTOR, "extended boot record", "position");
            byte[] ebr = read(disk, ebrOffset, MBR_SECTOR);
            if (Le.u16(ebr, 510) != 0xAA55) {
                throw new VolumeFormatException(disk.name(), ebrOffset + 510, "extended boot record",
                        String.format("boot signature: expected 0xAA55, found 0x%04X", Le.u16(ebr, 510)));
            }
            int type = Le.u8(ebr, 446 + 4);
            refuseDynamic(disk, ebrOffset + 446 + 4, type);
            if (type != 0 && Le.u32(ebr, 446 + 12) != 0) {
                partitions.add(mbrPartition(disk, diskSize, number++, 446, ebr, ebrLba));
            }
            int nextType = Le.u8(ebr, 462 + 4);
            long next = Le.u32(ebr, 462 + 8);
            if (!isExtended(nextType) || Le.u32(ebr, 462 + 12) == 0) {
                return;
            }
            ebrLba = extendedStart + next;
        }
    }

    private static Partition mbrPartition(ByteSource disk, long diskSize, int index, int at, byte[] table,
            long baseLba) throws IOException {
        int type = Le.u8(table, at + 4);
        long start = (baseLba + Le.u32(table, at + 8)) * MBR_SECTOR;
        long length = Le.u32(table, at + 12) * MBR_SECTOR;
        checkInside(disk, diskSize, start, length, "partition " + index + " (MBR entry)", "first LBA + sectors");
        return new Partition(index, PartitionScheme.MBR, String.format("0x%02X", type), mbrTypeName(type), start,
                length, "", Le.u8(table, at));
    }

    private static boolean isExtended(int type) {
        return type == 0x05 || type == 0x0F || type == 0x85;
    }

    private static void refuseDynamic(ByteSource disk, long offset, int type) throws IOException {
        if (type == 0x42) {
            throw new UnsupportedVolumeException(disk.name(), offset, "MBR partition entry",
                    "type 0x42: a dynamic disk (Logical Disk Manager); its volumes are not supported");
        }
    }

    private static String mbrTypeName(int type) {
        return switch (type) {
            case 0x07 -> "NTFS/exFAT";
            case 0x27 -> "Windows recovery (hidden NTFS)";
            case 0x17 -> "hidden NTFS";
            case 0x0B, 0x0C -> "FAT32";
            case 0x06, 0x0E -> "FAT16";
            case 0xEF -> "EFI system";
            case 0x83 -> "Linux";
            default -> "unknown";
        };
    }

    private static PartitionTable readGpt(ByteSource disk, long diskSize) throws IOException {
        VolumeFormatException firstProblem = null;
        for (int sectorSize : new int[] {512, 4096}) {
            if (diskSize < 2L * sectorSize) {
                continue;
            }
            try {
                return readGpt(disk, diskSize, sectorSize, sectorSize);
            } catch (VolumeFormatException primaryBad) {
                if (primaryBad instanceof UnsupportedVolumeException) {
                    throw primaryBad;
                }
                if (firstProblem == null) {
                    firstProblem = primaryBad;
                }
                if (!hasSignature(disk, sectorSize)) {
                    continue;
                }
                long backup = (diskSize / sectorSize - 1) * sectorSize;
                try {
                    return readGpt(disk, diskSize, sectorSize, backup);
                } catch (UnsupportedVolumeException refused) {
                    throw refused;
                } catch (VolumeFormatException backupBad) {
                    throw primaryBad;
                }
            }
        }
        throw firstProblem;
    }

    private static boolean hasSignature(ByteSource disk, int sectorSize) throws IOException {
        return new String(read(disk, sectorSize, 8), StandardCharsets.US_ASCII).equals("EFI PART");
    }

    private static PartitionTable readGpt(ByteSource disk, long diskSize, int sectorSize, long headerOffset)
            throws IOException {
        byte[] header = read(disk, headerOffset, 512);
        String signature = new String(header, 0, 8, StandardCharsets.US_ASCII);
        if (!signature.equals("EFI PART")) {
            throw new VolumeFormatException(disk.name(), headerOffset, "GPT header", "signature: expected \"EFI PART\""
                    + " after a protective MBR (type 0xEE), found \"" + printable(signature) + "\"");
        }
        long headerSize = Le.u32(header, 12);
        if (headerSize < 92 || headerSize > 512) {
            throw new VolumeFormatException(disk.name(), headerOffset + 12, "GPT header",
                    "header size: expected 92..512, found " + headerSize);
        }
        long storedCrc = Le.u32(header, 16);
        byte[] forCrc = header.clone();
        forCrc[16] = forCrc[17] = forCrc[18] = forCrc[19] = 0;
        long computed = crc(forCrc, 0, (int) headerSize);
        if (computed != storedCrc) {
            throw new VolumeFormatException(disk.name(), headerOffset + 16, "GPT header", String.format(
                    "header CRC32: expected 0x%08X (computed), found 0x%08X", computed, storedCrc));
        }
        long entriesLba = Le.s64(header, 72);
        long count = Le.u32(header, 80);
        long entrySize = Le.u32(header, 84);
        if (entrySize < 128 || Long.bitCount(entrySize) != 1 || count * entrySize > MAX_GPT_ENTRIES_BYTES) {
            throw new VolumeFormatException(disk.name(), headerOffset + 80, "GPT header", "entry count x entry size: "
                    + "expected a power-of-two size >= 128 and at most " + MAX_GPT_ENTRIES_BYTES + " bytes, found "
                    + count + " x " + entrySize);
        }
        long entriesOffset = entriesLba * sectorSize;
        int entriesBytes = (int) (count * entrySize);
        checkInside(disk, diskSize, entriesOffset, entriesBytes, "GPT partition entry array", "partition entry LBA");
        byte[] entries = read(disk, entriesOffset, entriesBytes);
        long entriesCrc = crc(entries, 0, entriesBytes);
        if (entriesCrc != Le.u32(header, 88)) {
            throw new VolumeFormatException(disk.name(), headerOffset + 88, "GPT header", String.format(
                    "partition entry array CRC32: expected 0x%08X (computed), found 0x%08X", entriesCrc,
                    Le.u32(header, 88)));
        }
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Partition p = gptEntry(disk, diskSize, sectorSize, entries, i, (int) entrySize, entriesOffset);
            if (p != null) {
                partitions.add(p);
            }
        }
        return new PartitionTable(PartitionScheme.GPT, sectorSize, Le.guid(header, 56), partitions);
    }

    private static Partition gptEntry(ByteSource disk, long diskSize, int sectorSize, byte[] entries, int i,
            int entrySize, long entriesOffset) throws IOException {
        int at = i * entrySize;
        String type = Le.guid(entries, at);
        if (type.equals("00000000-0000-0000-0000-000000000000")) {
            return null;
        }
        long entryOffset = entriesOffset + at;
        if (type.equals(LDM_METADATA) || type.equals(LDM_DATA)) {
            throw new UnsupportedVolumeException(disk.name(), entryOffset, "GPT partition entry " + (i + 1),
                    "type " + type + ": a dynamic disk (Logical Disk Manager); its volumes are not supported");
        }
        if (type.equals(STORAGE_SPACES)) {
            throw new UnsupportedVolumeException(disk.name(), entryOffset, "GPT partition entry " + (i + 1),
                    "type " + type + ": a Storage Spaces pool member; its volumes are not supported");
        }
        long first = Le.s64(entries, at + 32);
        long last = Le.s64(entries, at + 40);
        if (first < 0 || last < first || last >= Long.MAX_VALUE / sectorSize) {
            throw new VolumeFormatException(disk.name(), entryOffset + 32, "GPT partition entry " + (i + 1),
                    "first/last LBA: expected first <= last, found " + Long.toUnsignedString(first) + "/"
                            + Long.toUnsignedString(last));
        }
        long start = first * sectorSize;
        long length = (last - first + 1) * sectorSize;
        checkInside(disk, diskSize, start, length, "partition " + (i + 1) + " (GPT entry)", "first/last LBA");
        String name = utf16z(entries, at + 56, Math.min(72, entrySize - 56));
        return new Partition(i + 1, PartitionScheme.GPT, type, GPT_TYPES.getOrDefault(type, "unknown"), start, length,
                name, Le.s64(entries, at + 48));
    }

    private static String utf16z(byte[] b, int at, int max) {
        int end = at;
        while (end + 1 < at + max && (b[end] != 0 || b[end + 1] != 0)) {
            end += 2;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_16LE);
    }

    private static void checkInside(ByteSource disk, long diskSize, long start, long length, String structure,
            String field) throws VolumeFormatException {
        if (start < 0 || length < 0 || start > diskSize || length > diskSize - start) {
            throw new VolumeFormatException(disk.name(), start, structure, String.format(
                    "%s: expected to end within the disk (0x%X bytes), found it ends at 0x%X, past the end", field,
                    diskSize, start + length));
        }
    }

    private static long crc(byte[] b, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, offset, length);
        return crc.getValue();
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    static byte[] read(ByteSource source, long position, int length) throws IOException {
        byte[] buffer = new byte[length];
        source.readFully(position, buffer, 0, length);
        return buffer;
    }
}
