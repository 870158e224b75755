package org.hivescan.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * VHDX, little-endian ([MS-VHDX]): file type identifier (§2.2.1), two headers with CRC-32C and sequence numbers
 * (§2.2.2), two region tables (§2.2.3), the metadata region (§2.6) and the block allocation table (§2.5) whose
 * entries interleave payload blocks with a sector-bitmap entry after every chunk. A non-zero LogGuid means the log
 * must be replayed before the BAT and metadata can be trusted (§2.3): such images are refused, as are
 * differencing disks (HasParent).
 */
final class VhdxFormat {
    private static final long MIB = 1 << 20;
    private static final int HEADER_SIZE = 4096;
    private static final int REGION_TABLE_SIZE = 64 << 10;
    private static final long[] HEADER_AT = {64 << 10, 128 << 10};
    private static final long[] REGION_TABLE_AT = {192 << 10, 256 << 10};
    private static final UUID BAT_REGION = UUID.fromString("2DC27766-F623-4200-9D64-115E9BFD4A08");
    private static final UUID METADATA_REGION = UUID.fromString("8B7CA206-4790-4B9A-B8FE-575F050F886E");
    private static final UUID FILE_PARAMETERS = UUID.fromString("CAA16737-FA36-4D43-B3B6-33F0AA44E76B");
    private static final UUID VIRTUAL_DISK_SIZE = UUID.fromString("2FA54224-CD1B-4876-B211-5DBED83BF4B8");
    private static final UUID VIRTUAL_DISK_ID = UUID.fromString("BECA12AB-B2E6-4523-93EF-C309E000C746");
    private static final UUID LOGICAL_SECTOR_SIZE = UUID.fromString("8141BF1D-A96F-4709-BA47-F233A8FAAB5F");
    private static final UUID PHYSICAL_SECTOR_SIZE = UUID.fromString("CDA348C7-445D-4471-9CC9-E9885251C556");
    private static final UUID PARENT_LOCATOR = UUID.fromString("A8D35F2D-B30B-454D-ABF7-D3D84834AB0C");
    private static final long MAX_DISK_SIZE = 64L << 40;
    private static final int BAT_PAGE_ENTRIES = 4096;

    private VhdxFormat() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        ByteBuffer header = currentHeader(file);
        long headerAt = header.getLong(HEADER_SIZE);  // stashed position, see currentHeader
        if (!Guids.isZero(header.array(), 48)) {
            throw new UnsupportedImageException(file.name(), headerAt + 48, "VHDX header, LogGuid",
                    "expected zero (a clean image), found " + Guids.read(header.array(), 48)
                            + ": the log must be replayed first (open it once in Hyper-V or with qemu-img check -r all)");
        }
        int version = header.getShort(66) & 0xFFFF;
        if (version != 1) {
            throw new ImageFormatException(file.name(), headerAt + 66, "VHDX header, Version",
                    "expected 1, found " + version);
        }
        Map<UUID, long[]> regions = regionTable(file);
        long[] metadataRegion = require(file, regions, METADATA_REGION, "metadata");
        long[] batRegion = require(file, regions, BAT_REGION, "BAT");
        Map<UUID, long[]> items = metadataItems(file, metadataRegion);
        ByteBuffer parameters = item(file, items, FILE_PARAMETERS, "File Parameters", 8);
        long blockSize = Integer.toUnsignedLong(parameters.getInt(0));
        long itemAt = items.get(FILE_PARAMETERS)[0];
        if (blockSize < MIB || blockSize > 256 * MIB || Long.bitCount(blockSize) != 1) {
            throw new ImageFormatException(file.name(), itemAt, "VHDX File Parameters, BlockSize",
                    "expected a power of two from 1 MiB to 256 MiB, found " + blockSize);
        }
        if ((parameters.getInt(4) & 2) != 0 || items.containsKey(PARENT_LOCATOR)) {
            throw new UnsupportedImageException(file.name(), itemAt + 4, "VHDX File Parameters, HasParent",
                    "a differencing disk needs its parent image; parent chains are not read");
        }
        long size = item(file, items, VIRTUAL_DISK_SIZE, "Virtual Disk Size", 8).getLong(0);
        if (size <= 0 || size > MAX_DISK_SIZE) {
            throw new ImageFormatException(file.name(), items.get(VIRTUAL_DISK_SIZE)[0], "VHDX Virtual Disk Size",
                    "expected 1 byte to 64 TiB, found " + Long.toUnsignedString(size));
        }
        long logical = Integer.toUnsignedLong(item(file, items, LOGICAL_SECTOR_SIZE, "Logical Sector Size", 4)
                .getInt(0));
        if (logical != 512 && logical != 4096) {
            throw new ImageFormatException(file.name(), items.get(LOGICAL_SECTOR_SIZE)[0],
                    "VHDX Logical Sector Size", "expected 512 or 4096, found " + logical);
        }
        long chunkRatio = (1L << 23) * logical / blockSize;
        long dataBlocks = (size + blockSize - 1) / blockSize;
        long entries = dataBlocks + (dataBlocks - 1) / chunkRatio;
        if (entries * 8 > batRegion[1]) {
            throw new ImageFormatException(file.name(), batRegion[0], "VHDX BAT region, Length",
                    "expected at least " + entries * 8 + " bytes for " + entries + " entries, found " + batRegion[1]);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("subformat", "dynamic");
        metadata.put("vhdx.block_size", Long.toString(blockSize));
        metadata.put("vhdx.logical_sector_size", Long.toString(logical));
        if (items.containsKey(PHYSICAL_SECTOR_SIZE)) {
            metadata.put("vhdx.physical_sector_size", Integer.toUnsignedString(
                    item(file, items, PHYSICAL_SECTOR_SIZE, "Physical Sector Size", 4).getInt(0)));
        }
        if (items.containsKey(VIRTUAL_DISK_ID)) {
            metadata.put("vhdx.virtual_disk_id",
                    Guids.read(item(file, items, VIRTUAL_DISK_ID, "Page 83 Data", 16).array(), 0).toString());
        }
        metadata.put("vhdx.data_write_guid", Guids.read(header.array(), 32).toString());
        return context.image("vhdx", new VhdxDisk(file, size, blockSize, chunkRatio, entries, batRegion[0], context),
                metadata);
    }

    /** The valid header with the higher sequence number (§2.2.2); its file offset is appended after it. */
    private static ByteBuffer currentHeader(ImageFile file) throws IOException {
        ByteBuffer best = null;
        long bestAt = -1;
        String problem = null;
        for (long at : HEADER_AT) {
            byte[] data = file.read(at, HEADER_SIZE, "VHDX header");
            ByteBuffer header = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            if (header.getInt(0) != 0x64616568) {  // "head"
                problem = "at 0x" + Long.toHexString(at) + " the signature is not \"head\"";
                continue;
            }
            if (!crcMatches(data, 4)) {
                problem = "at 0x" + Long.toHexString(at) + " the CRC-32C does not match";
                continue;
            }
            if (best == null || Long.compareUnsigned(header.getLong(8), best.getLong(8)) > 0) {
                best = header;
                bestAt = at;
            }
        }
        if (best == null) {
            throw new ImageFormatException(file.name(), HEADER_AT[0], "VHDX header",
                    "expected a valid header at 0x10000 or 0x20000, found none (" + problem + ")");
        }
        ByteBuffer withPosition = ByteBuffer.allocate(HEADER_SIZE + 8).order(ByteOrder.LITTLE_ENDIAN);
        withPosition.put(best.array()).putLong(HEADER_SIZE, bestAt);
        return withPosition;
    }

    private static boolean crcMatches(byte[] data, int field) {
        ByteBuffer view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int stored = view.getInt(field);
        byte[] copy = data.clone();
        Arrays.fill(copy, field, field + 4, (byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(copy);
        return (int) crc.getValue() == stored;
    }

    /** Region GUID to {file offset, length} from the first valid region table (§2.2.3). */
    private static Map<UUID, long[]> regionTable(ImageFile file) throws IOException {
        String problem = null;
        for (long at : REGION_TABLE_AT) {
            byte[] data = file.read(at, REGION_TABLE_SIZE, "VHDX region table");
            ByteBuffer table = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            if (table.getInt(0) != 0x69676572) {  // "regi"
                problem = "at 0x" + Long.toHexString(at) + " the signature is not \"regi\"";
                continue;
            }
            if (!crcMatches(data, 4)) {
                problem = "at 0x" + Long.toHexString(at) + " the CRC-32C does not match";
                continue;
            }
            long count = Integer.toUnsignedLong(table.getInt(8));
            if (count > 2047) {
                throw new ImageFormatException(file.name(), at + 8, "VHDX region table, EntryCount",
                        "expected at most 2047, found " + count);
            }
            Map<UUID, long[]> regions = new HashMap<>();
            for (int i = 0; i < count; i++) {
                int entry = 16 + i * 32;
                UUID guid = Guids.read(data, entry);
                long offset = table.getLong(entry + 16);
                long length = Integer.toUnsignedLong(table.getInt(entry + 24));
                boolean required = (table.getInt(entry + 28) & 1) != 0;
                if (!guid.equals(BAT_REGION) && !guid.equals(METADATA_REGION) && required) {
                    throw new UnsupportedImageException(file.name(), at + entry, "VHDX region table entry " + i,
                            "required region " + guid + " is not known to this reader");
                }
                if (offset < 0 || offset > file.size() || length > file.size() - offset) {
                    throw new ImageFormatException(file.name(), at + entry + 16, "VHDX region table entry " + i
                            + ", FileOffset/Length", "expected a region inside the file of " + file.size()
                            + " bytes, found offset 0x" + Long.toHexString(offset) + " length " + length);
                }
                regions.put(guid, new long[] {offset, length});
            }
            return regions;
        }
        throw new ImageFormatException(file.name(), REGION_TABLE_AT[0], "VHDX region table",
                "expected a valid region table at 0x30000 or 0x40000, found none (" + problem + ")");
    }

    private static long[] require(ImageFile file, Map<UUID, long[]> regions, UUID guid, String name)
            throws ImageFormatException {
        long[] region = regions.get(guid);
        if (region == null) {
            throw new ImageFormatException(file.name(), REGION_TABLE_AT[0], "VHDX region table",
                    "expected a " + name + " region (" + guid + "), found none");
        }
        return region;
    }

    /** Item GUID to {absolute file offset, length} (§2.6.1). */
    private static Map<UUID, long[]> metadataItems(ImageFile file, long[] region) throws IOException {
        long at = region[0];
        byte[] data = file.read(at, (int) Math.min(region[1], REGION_TABLE_SIZE), "VHDX metadata table");
        ByteBuffer table = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 32 || table.getLong(0) != 0x617461646174656DL) {  // "metadata"
            throw new ImageFormatException(file.name(), at, "VHDX metadata table, Signature",
                    "expected \"metadata\", found another value");
        }
        int count = table.getShort(10) & 0xFFFF;
        if (count > 2047 || 32 + count * 32 > data.length) {
            throw new ImageFormatException(file.name(), at + 10, "VHDX metadata table, EntryCount",
                    "expected at most " + Math.min(2047, (data.length - 32) / 32) + ", found " + count);
        }
        Map<UUID, long[]> items = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int entry = 32 + i * 32;
            UUID guid = Guids.read(data, entry);
            long offset = Integer.toUnsignedLong(table.getInt(entry + 16));
            long length = Integer.toUnsignedLong(table.getInt(entry + 20));
            boolean required = (table.getInt(entry + 24) & 4) != 0;
            if (offset + length > region[1]) {
                throw new ImageFormatException(file.name(), at + entry + 16, "VHDX metadata entry " + i
                        + ", Offset/Length", "expected an item inside the metadata region of " + region[1]
                        + " bytes, found offset " + offset + " length " + length);
            }
            if (required && !isKnownItem(guid)) {
                throw new UnsupportedImageException(file.name(), at + entry, "VHDX metadata entry " + i,
                        "required item " + guid + " is not known to this reader");
            }
            items.put(guid, new long[] {at + offset, length});
        }
        return items;
    }

    private static boolean isKnownItem(UUID guid) {
        return guid.equals(FILE_PARAMETERS) || guid.equals(VIRTUAL_DISK_SIZE) || guid.equals(VIRTUAL_DISK_ID)
                || guid.equals(LOGICAL_SECTOR_SIZE) || guid.equals(PHYSICAL_SECTOR_SIZE)
                || guid.equals(PARENT_LOCATOR);
    }

    private static ByteBuffer item(ImageFile file, Map<UUID, long[]> items, UUID guid, String name, int length)
            throws IOException {
        long[] item = items.get(guid);
        if (item == null) {
            throw new ImageFormatException(file.name(), 0, "VHDX metadata", "expected a " + name + " item ("
                    + guid + "), found none");
        }
        if (item[1] < length) {
            throw new ImageFormatException(file.name(), item[0], "VHDX metadata item " + name,
                    "expected at least " + length + " bytes, found " + item[1]);
        }
        return file.readLittleEndian(item[0], length, "VHDX metadata item " + name);
    }

    /** Payload blocks through the BAT, read a page of entries at a time (§2.5). */
    private static final class VhdxDisk extends BlockDisk {
        private final ImageFile file;
        private final long blockSize;
        private final long chunkRatio;
        private final long entries;
        private final long batAt;
        private final UnitCache cache;

        VhdxDisk(ImageFile file, long size, long blockSize, long chunkRatio, long entries, long batAt,
                OpenContext context) {
            super(file.name(), size, blockSize, context.fetched);
            this.file = file;
            this.blockSize = blockSize;
            this.chunkRatio = chunkRatio;
            this.entries = entries;
            this.batAt = batAt;
            this.cache = context.cache;
        }

        @Override
        void readBlock(long block, int inBlock, byte[] buffer, int offset, int length) throws IOException {
            long index = block + block / chunkRatio;
            long entryAt = batAt + index * 8;
            long entry = batEntry(index);
            int state = (int) (entry & 7);
            switch (state) {
                case 0, 1, 2, 3 -> Arrays.fill(buffer, offset, offset + length, (byte) 0);
                case 6 -> {
                    long start = (entry >>> 20) * MIB;
                    if (start < 3 * MIB / 2 || start > file.size() - inBlock - length) {
                        throw new ImageFormatException(file.name(), entryAt, "VHDX BAT entry " + index
                                + " (payload block " + block + "), FileOffsetMB", "expected a block inside the file of "
                                + file.size() + " bytes past the headers, found offset 0x" + Long.toHexString(start));
                    }
                    file.read(start + inBlock, buffer, offset, length, "VHDX payload block " + block);
                }
                case 7 -> throw new UnsupportedImageException(file.name(), entryAt, "VHDX BAT entry " + index
                        + ", State", "PAYLOAD_BLOCK_PARTIALLY_PRESENT needs the parent disk; not read");
                default -> throw new ImageFormatException(file.name(), entryAt, "VHDX BAT entry " + index
                        + ", State", "expected 0, 1, 2, 3, 6 or 7, found " + state);
            }
        }

        private long batEntry(long index) throws IOException {
            long page = index / BAT_PAGE_ENTRIES;
            long pageAt = batAt + page * BAT_PAGE_ENTRIES * 8;
            int pageEntries = (int) Math.min(BAT_PAGE_ENTRIES, entries - page * BAT_PAGE_ENTRIES);
            byte[] data = cache.get(file.unitKey(pageAt),
                    () -> file.read(pageAt, pageEntries * 8, "VHDX BAT entries from " + page * BAT_PAGE_ENTRIES));
            return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong((int) (index % BAT_PAGE_ENTRIES) * 8);
        }
    }
}
