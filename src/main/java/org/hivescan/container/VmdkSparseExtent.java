package org.hivescan.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hosted sparse extent, little-endian (VMware "Virtual Disk Format 5.0", "Hosted Sparse Extent Header", "Grain
 * Directories and Grain Tables", "Stream-Optimized Compressed Sparse Extents"): header "KDMV", grain directory of
 * grain-table sectors, grain tables of grain sectors (0 and 1 read as zeros). With compressed grains each grain
 * starts with a marker {lba u64, size u32} followed by zlib data. When gdOffset is GD_AT_END the grain directory
 * is found through the footer, a copy of the header in the second-to-last sector.
 */
final class VmdkSparseExtent extends BlockDisk {
    private static final int SECTOR = 512;
    private static final int HEADER_SIZE = 512;
    private static final long GD_AT_END = -1L;
    private static final int FLAG_COMPRESSED = 1 << 16;
    private static final int FLAG_MARKERS = 1 << 17;

    private final ImageFile file;
    private final long grainBytes;
    private final int gtEntries;
    private final long[] directory;
    private final long directoryAt;
    private final boolean compressed;
    private final boolean streamOptimized;
    private final boolean gdAtEnd;
    private final String descriptor;
    private final UnitCache cache;

    private VmdkSparseExtent(ImageFile file, long size, ByteBuffer header, long[] directory, long directoryAt,
            boolean gdAtEnd, String descriptor, OpenContext context) {
        super(file.name(), size, header.getLong(20) * SECTOR, context.fetched);
        this.file = file;
        this.grainBytes = header.getLong(20) * SECTOR;
        this.gtEntries = header.getInt(44);
        this.directory = directory;
        this.directoryAt = directoryAt;
        this.compressed = (header.getInt(8) & FLAG_COMPRESSED) != 0;
        this.streamOptimized = compressed && (header.getInt(8) & FLAG_MARKERS) != 0;
        this.gdAtEnd = gdAtEnd;
        this.descriptor = descriptor;
        this.cache = context.cache;
    }

    /** Opens the sparse extent in {@code file}; {@code size} is the size its descriptor gives, or -1. */
    static VmdkSparseExtent open(ImageFile file, long size, OpenContext context) throws IOException {
        ByteBuffer header = header(file, 0, "VMDK sparse extent header");
        boolean gdAtEnd = header.getLong(56) == GD_AT_END;
        if (gdAtEnd) {
            long footerAt = file.size() - 2L * SECTOR;
            header = header(file, footerAt, "VMDK footer (header copy before the end-of-stream marker)");
            if (header.getLong(56) == GD_AT_END) {
                throw new ImageFormatException(file.name(), footerAt + 56, "VMDK footer, gdOffset",
                        "expected the grain directory's sector, found GD_AT_END again");
            }
        }
        long capacity = header.getLong(12);
        long grainSectors = header.getLong(20);
        if (grainSectors < 1 || grainSectors > Limits.MAX_UNIT_BYTES / SECTOR || Long.bitCount(grainSectors) != 1) {
            throw new ImageFormatException(file.name(), 20, "VMDK sparse extent header, grainSize",
                    "expected a power of two from 1 to " + Limits.MAX_UNIT_BYTES / SECTOR + " sectors, found "
                            + Long.toUnsignedString(grainSectors));
        }
        if (capacity < 0 || capacity > (1L << 45)) {
            throw new ImageFormatException(file.name(), 12, "VMDK sparse extent header, capacity",
                    "expected at most 2^45 sectors, found " + Long.toUnsignedString(capacity));
        }
        long gtEntries = Integer.toUnsignedLong(header.getInt(44));
        if (gtEntries < 1 || gtEntries > 65536) {
            throw new ImageFormatException(file.name(), 44, "VMDK sparse extent header, numGTEsPerGT",
                    "expected 1 to 65536, found " + gtEntries);
        }
        int compression = header.getShort(77) & 0xFFFF;
        if ((header.getInt(8) & FLAG_COMPRESSED) != 0 && compression != 1) {
            throw new UnsupportedImageException(file.name(), 77, "VMDK sparse extent header, compressAlgorithm",
                    "expected 1 (deflate), found " + compression);
        }
        long extentSize = size < 0 ? capacity * SECTOR : size;
        if (extentSize > capacity * SECTOR) {
            throw new ImageFormatException(file.name(), 12, "VMDK sparse extent header, capacity",
                    "expected at least the descriptor's " + extentSize / SECTOR + " sectors, found " + capacity);
        }
        long coverage = grainSectors * gtEntries;
        long gdEntries = (capacity + coverage - 1) / coverage;
        long gdAt = header.getLong(56) * SECTOR;
        int gdBytes = Limits.checkedSize(file, 56, "VMDK grain directory size", gdEntries * 4, Limits.MAX_TABLE_BYTES);
        if (header.getLong(56) < 0 || header.getLong(56) > file.size() / SECTOR) {
            throw new ImageFormatException(file.name(), 56, "VMDK sparse extent header, gdOffset",
                    "expected a sector inside the file of " + file.size() + " bytes, found "
                            + Long.toUnsignedString(header.getLong(56)));
        }
        ByteBuffer gd = file.readLittleEndian(gdAt, gdBytes, "VMDK grain directory");
        long[] directory = new long[(int) gdEntries];
        for (int i = 0; i < directory.length; i++) {
            directory[i] = Integer.toUnsignedLong(gd.getInt(i * 4)) * SECTOR;
        }
        return new VmdkSparseExtent(file, extentSize, header, directory, gdAt, gdAtEnd,
                descriptor(file, header), context);
    }

    private static ByteBuffer header(ImageFile file, long at, String structure) throws IOException {
        ByteBuffer header = file.readLittleEndian(at, HEADER_SIZE, structure);
        if (header.getInt(0) != 0x564D444B) {  // "KDMV"
            throw new ImageFormatException(file.name(), at, structure + ", magicNumber",
                    "expected \"KDMV\", found 0x" + Integer.toHexString(header.getInt(0)));
        }
        int version = header.getInt(4);
        if (version < 1 || version > 3) {
            throw new ImageFormatException(file.name(), at + 4, structure + ", version",
                    "expected 1, 2 or 3, found " + version);
        }
        return header;
    }

    private static String descriptor(ImageFile file, ByteBuffer header) throws IOException {
        long at = header.getLong(28);
        long sectors = header.getLong(36);
        if (at == 0 || sectors == 0) {
            return null;
        }
        int bytes = Limits.checkedSize(file, 36, "VMDK sparse extent header, descriptorSize (bytes)",
                sectors * SECTOR, Limits.MAX_DESCRIPTOR_BYTES);
        if (at < 0 || at > file.size() / SECTOR) {
            throw new ImageFormatException(file.name(), 28, "VMDK sparse extent header, descriptorOffset",
                    "expected a sector inside the file, found " + Long.toUnsignedString(at));
        }
        return new String(file.read(at * SECTOR, bytes, "VMDK embedded descriptor"), StandardCharsets.UTF_8);
    }

    String embeddedDescriptor() {
        return descriptor;
    }

    boolean isStreamOptimized() {
        return streamOptimized;
    }

    boolean gdAtEnd() {
        return gdAtEnd;
    }

    @Override
    void readBlock(long grain, int inGrain, byte[] buffer, int offset, int length) throws IOException {
        int gdIndex = (int) (grain / gtEntries);
        int gtIndex = (int) (grain % gtEntries);
        long gtAt = directory[gdIndex];
        if (gtAt == 0) {
            Arrays.fill(buffer, offset, offset + length, (byte) 0);
            return;
        }
        int gtBytes = gtEntries * 4;
        if (gtAt > file.size() - gtBytes) {
            throw new ImageFormatException(file.name(), directoryAt + gdIndex * 4L, "VMDK grain directory entry "
                    + gdIndex, "expected a grain table inside the file of " + file.size() + " bytes, found sector "
                            + gtAt / SECTOR);
        }
        byte[] table = cache.get(file.unitKey(gtAt), () -> file.read(gtAt, gtBytes, "VMDK grain table " + gdIndex));
        long grainSector = Integer.toUnsignedLong(
                ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN).getInt(gtIndex * 4));
        long entryAt = gtAt + gtIndex * 4L;
        if (grainSector <= 1) {
            Arrays.fill(buffer, offset, offset + length, (byte) 0);
            return;
        }
        long grainAt = grainSector * SECTOR;
        if (compressed) {
            byte[] data = compressedGrain(grain, grainAt, entryAt);
            System.arraycopy(data, inGrain, buffer, offset, length);
            return;
        }
        if (grainAt > file.size() - inGrain - length) {
            throw new ImageFormatException(file.name(), entryAt, "VMDK grain table " + gdIndex + " entry " + gtIndex,
                    "expected a grain inside the file of " + file.size() + " bytes, found sector " + grainSector);
        }
        file.read(grainAt + inGrain, buffer, offset, length, "VMDK grain " + grain);
    }

    private byte[] compressedGrain(long grain, long grainAt, long entryAt) throws IOException {
        if (grainAt > file.size() - 12) {
            throw new ImageFormatException(file.name(), entryAt, "VMDK grain table entry (grain " + grain + ")",
                    "expected a grain marker inside the file of " + file.size() + " bytes, found offset 0x"
                            + Long.toHexString(grainAt));
        }
        return cache.get(file.unitKey(grainAt), () -> {
            ByteBuffer marker = file.readLittleEndian(grainAt, 12, "VMDK grain marker");
            long lba = marker.getLong(0);
            long expectedLba = grain * (grainBytes / SECTOR);
            if (lba != expectedLba) {
                throw new ImageFormatException(file.name(), grainAt, "VMDK grain marker, lba",
                        "expected " + expectedLba + " (grain " + grain + "), found " + Long.toUnsignedString(lba));
            }
            int size = Limits.checkedSize(file, grainAt + 8, "VMDK grain marker, size",
                    Integer.toUnsignedLong(marker.getInt(8)), Math.min(2 * grainBytes + 1024, file.size() - grainAt - 12));
            byte[] data = file.read(grainAt + 12, size, "VMDK compressed grain " + grain);
            boolean last = (grain + 1) * grainBytes >= size();
            return Inflation.inflate(data, size, true, (int) grainBytes, last, file, grainAt + 12,
                    "VMDK compressed grain " + grain);
        });
    }
}
