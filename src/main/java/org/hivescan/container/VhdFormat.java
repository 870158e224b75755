package org.hivescan.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * VHD, big-endian (Microsoft "Virtual Hard Disk Image Format Specification" 1.0): a 512-byte footer at the end
 * of the file ("Hard Disk Footer Format"); a fixed disk is its data followed by the footer; a dynamic disk has a
 * dynamic disk header ("cxsparse"), a block allocation table of sector numbers, and blocks that start with a
 * sector bitmap ("Block Format"). Differencing disks (type 4) are refused: they need their parent.
 */
final class VhdFormat {
    static final int FOOTER_SIZE = 512;
    private static final int SECTOR = 512;
    private static final int DYNAMIC_HEADER_SIZE = 1024;
    private static final int TYPE_FIXED = 2;
    private static final int TYPE_DYNAMIC = 3;
    private static final int TYPE_DIFFERENCING = 4;
    private static final long UNALLOCATED = 0xFFFF_FFFFL;

    private VhdFormat() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        long footerAt = file.size() - FOOTER_SIZE;
        ByteBuffer footer = file.readBigEndian(footerAt, FOOTER_SIZE, "VHD footer");
        checkChecksum(file, footerAt, footer, 64, "VHD footer");
        long currentSize = footer.getLong(48);
        int diskType = footer.getInt(60);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("vhd.creator_application",
                new String(footer.array(), 28, 4, StandardCharsets.US_ASCII).trim());
        metadata.put("vhd.unique_id", HexFormat.of().formatHex(footer.array(), 68, 84));
        if (currentSize < 0) {
            throw new ImageFormatException(file.name(), footerAt + 48, "VHD footer, Current Size",
                    "expected a size below 2^63, found " + Long.toUnsignedString(currentSize));
        }
        if (diskType == TYPE_FIXED) {
            if (currentSize > footerAt) {
                throw new ImageFormatException(file.name(), footerAt + 48, "VHD footer, Current Size",
                        "a fixed disk of " + currentSize + " bytes needs a file of " + (currentSize + FOOTER_SIZE)
                                + " bytes, found " + file.size());
            }
            metadata.put("subformat", "fixed");
            return context.image("vhd",
                    new FileSliceDisk(file.name(), file, 0, currentSize, "VHD fixed disk data", context.fetched),
                    metadata);
        }
        if (diskType == TYPE_DIFFERENCING) {
            throw new UnsupportedImageException(file.name(), footerAt + 60, "VHD footer, Disk Type",
                    "a differencing disk needs its parent image; parent chains are not read");
        }
        if (diskType != TYPE_DYNAMIC) {
            throw new ImageFormatException(file.name(), footerAt + 60, "VHD footer, Disk Type",
                    "expected 2 (fixed), 3 (dynamic) or 4 (differencing), found " + Integer.toUnsignedString(diskType));
        }
        metadata.put("subformat", "dynamic");
        return context.image("vhd", dynamicDisk(file, footer.getLong(16), footerAt, currentSize, context), metadata);
    }

    private static VirtualDisk dynamicDisk(ImageFile file, long headerAt, long footerAt, long size,
            OpenContext context) throws IOException {
        ByteBuffer header = file.readBigEndian(headerAt, DYNAMIC_HEADER_SIZE, "VHD dynamic disk header");
        if (!DiskImages.startsWith(header.array(), "cxsparse".getBytes(StandardCharsets.US_ASCII))) {
            throw new ImageFormatException(file.name(), headerAt, "VHD dynamic disk header, Cookie",
                    "expected \"cxsparse\", found " + printable(header.array(), 8));
        }
        checkChecksum(file, headerAt, header, 36, "VHD dynamic disk header");
        long tableAt = header.getLong(16);
        long entries = Integer.toUnsignedLong(header.getInt(28));
        long blockSize = Integer.toUnsignedLong(header.getInt(32));
        if (blockSize < SECTOR || blockSize > Limits.MAX_UNIT_BYTES * 128L || Long.bitCount(blockSize) != 1) {
            throw new ImageFormatException(file.name(), headerAt + 32, "VHD dynamic disk header, Block Size",
                    "expected a power of two from 512 bytes to 256 MiB, found " + blockSize);
        }
        long needed = (size + blockSize - 1) / blockSize;
        if (entries < needed) {
            throw new ImageFormatException(file.name(), headerAt + 28, "VHD dynamic disk header, Max Table Entries",
                    "expected at least " + needed + " for a disk of " + size + " bytes, found " + entries);
        }
        int tableBytes = Limits.checkedSize(file, headerAt + 28, "VHD dynamic disk header, Max Table Entries (x4)",
                needed * 4, Limits.MAX_TABLE_BYTES);
        ByteBuffer table = file.readBigEndian(tableAt, tableBytes, "VHD block allocation table");
        long[] blocks = new long[(int) needed];
        int bitmapBytes = (int) ((blockSize / SECTOR + 8 * SECTOR - 1) / (8 * SECTOR) * SECTOR);
        for (int i = 0; i < blocks.length; i++) {
            long sector = Integer.toUnsignedLong(table.getInt(i * 4));
            if (sector == UNALLOCATED) {
                blocks[i] = -1;
                continue;
            }
            long start = sector * SECTOR;
            if (start + bitmapBytes + blockSize > footerAt + FOOTER_SIZE) {
                // qemu and Hyper-V never write a block past the footer; a bad entry is named when it is read
                blocks[i] = -2 - i;
                continue;
            }
            blocks[i] = start;
        }
        return new DynamicDisk(file, size, blockSize, bitmapBytes, blocks, tableAt, context);
    }

    private static void checkChecksum(ImageFile file, long at, ByteBuffer data, int field, String structure)
            throws ImageFormatException {
        long sum = 0;
        byte[] bytes = data.array();
        for (int i = 0; i < bytes.length; i++) {
            if (i < field || i >= field + 4) {
                sum += bytes[i] & 0xFF;
            }
        }
        int expected = (int) ~sum;
        int found = data.getInt(field);
        if (expected != found) {
            throw new ImageFormatException(file.name(), at + field, structure + ", Checksum",
                    String.format("expected 0x%08X (one's complement of the byte sum), found 0x%08X", expected, found));
        }
    }

    private static String printable(byte[] data, int length) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < Math.min(length, data.length); i++) {
            int c = data[i] & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return text.append('"').toString();
    }

    /** A dynamic disk: blocks through the BAT, sectors whose bitmap bit is clear read as zeros. */
    private static final class DynamicDisk extends BlockDisk {
        private final ImageFile file;
        private final long blockSize;
        private final int bitmapBytes;
        private final long[] blocks;
        private final long tableAt;
        private final UnitCache cache;

        DynamicDisk(ImageFile file, long size, long blockSize, int bitmapBytes, long[] blocks, long tableAt,
                OpenContext context) {
            super(file.name(), size, blockSize, context.fetched);
            this.file = file;
            this.blockSize = blockSize;
            this.bitmapBytes = bitmapBytes;
            this.blocks = blocks;
            this.tableAt = tableAt;
            this.cache = context.cache;
        }

        @Override
        void readBlock(long block, int inBlock, byte[] buffer, int offset, int length) throws IOException {
            long start = blocks[(int) block];
            if (start == -1) {
                Arrays.fill(buffer, offset, offset + length, (byte) 0);
                return;
            }
            if (start < -1) {
                throw new ImageFormatException(file.name(), tableAt + block * 4, "VHD block allocation table, entry "
                        + block, "expected a block inside the file (ending before 0x"
                        + Long.toHexString(file.size()) + "), found one past its end");
            }
            byte[] bitmap = cache.get(file.unitKey(start), () -> file.read(start, bitmapBytes, "VHD sector bitmap of block " + block));
            long data = start + bitmapBytes;
            // runs of sectors with the same bitmap bit: present ones are read, absent ones are zeros
            int end = inBlock + length;
            int at = inBlock;
            while (at < end) {
                int sector = at / SECTOR;
                boolean present = (bitmap[sector >>> 3] & (0x80 >>> (sector & 7))) != 0;
                int runEnd = Math.min(end, (sector + 1) * SECTOR);
                while (runEnd < end && present == bit(bitmap, runEnd / SECTOR)) {
                    runEnd = Math.min(end, runEnd + SECTOR);
                }
                int n = runEnd - at;
                int to = offset + (at - inBlock);
                if (present) {
                    file.read(data + at, buffer, to, n, "VHD block " + block + " data");
                } else {
                    Arrays.fill(buffer, to, to + n, (byte) 0);
                }
                at = runEnd;
            }
        }

        private static boolean bit(byte[] bitmap, int sector) {
            return (bitmap[sector >>> 3] & (0x80 >>> (sector & 7))) != 0;
        }
    }
}
