package org.hivescan.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QCOW2, big-endian (QEMU {@code docs/interop/qcow2.txt}): header versions 2 and 3, the active L1 table, L2
 * tables, standard clusters (with the v3 "reads as zeros" flag), and compressed clusters (raw deflate, described
 * by a host offset and an extra-sector count). Unallocated clusters read as zeros. Refused: a backing file,
 * encryption, an external data file, extended L2 entries, zstd compression and unknown incompatible features.
 */
final class Qcow2Format {
    private static final long OFFSET_MASK = 0x00FF_FFFF_FFFF_FE00L;  // bits 9-55
    private static final long COMPRESSED = 1L << 62;
    private static final long KNOWN_INCOMPATIBLE = 0b11011;  // dirty, corrupt, compression type
    private static final long MAX_DISK_SIZE = 1L << 55;

    private Qcow2Format() {
    }

    static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        ByteBuffer header = file.readBigEndian(0, (int) Math.min(file.size(), 112), "QCOW2 header");
        if (header.capacity() < 72) {
            throw new ImageFormatException(file.name(), 0, "QCOW2 header", "expected at least 72 bytes, found "
                    + header.capacity());
        }
        int version = header.getInt(4);
        if (version != 2 && version != 3) {
            throw new ImageFormatException(file.name(), 4, "QCOW2 header, version", "expected 2 or 3, found "
                    + version);
        }
        if (header.getLong(8) != 0) {
            throw new UnsupportedImageException(file.name(), 8, "QCOW2 header, backing_file_offset",
                    "the image has a backing file (an overlay); backing chains are not read: convert it first with"
                            + " qemu-img convert -O qcow2");
        }
        int clusterBits = header.getInt(20);
        if (clusterBits < 9 || clusterBits > 21) {
            throw new ImageFormatException(file.name(), 20, "QCOW2 header, cluster_bits",
                    "expected 9 to 21, found " + clusterBits);
        }
        long size = header.getLong(24);
        if (size < 0 || size > MAX_DISK_SIZE) {
            throw new ImageFormatException(file.name(), 24, "QCOW2 header, size",
                    "expected at most 2^55, found " + Long.toUnsignedString(size));
        }
        int crypt = header.getInt(32);
        if (crypt != 0) {
            throw new UnsupportedImageException(file.name(), 32, "QCOW2 header, crypt_method",
                    "the image is encrypted (method " + crypt + "); encrypted images are not read");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("subformat", "v" + version);
        metadata.put("qcow2.cluster_size", Long.toString(1L << clusterBits));
        if (version == 3) {
            checkFeatures(file, header, metadata);
        }
        int snapshots = header.getInt(60);
        metadata.put("qcow2.snapshots", Integer.toUnsignedString(snapshots));
        long l2Entries = 1L << (clusterBits - 3);
        long neededL1 = (size + (l2Entries << clusterBits) - 1) / (l2Entries << clusterBits);
        long l1Size = Integer.toUnsignedLong(header.getInt(36));
        if (l1Size < neededL1) {
            throw new ImageFormatException(file.name(), 36, "QCOW2 header, l1_size",
                    "expected at least " + neededL1 + " entries for a disk of " + size + " bytes, found " + l1Size);
        }
        long l1At = header.getLong(40);
        int l1Bytes = Limits.checkedSize(file, 36, "QCOW2 header, l1_size (x8)", neededL1 * 8, Limits.MAX_TABLE_BYTES);
        ByteBuffer l1 = file.readBigEndian(l1At, l1Bytes, "QCOW2 L1 table");
        long[] l1Table = new long[(int) neededL1];
        for (int i = 0; i < l1Table.length; i++) {
            l1Table[i] = l1.getLong(i * 8);
        }
        return context.image("qcow2", new Qcow2Disk(file, size, clusterBits, l1Table, l1At, context), metadata);
    }

    private static void checkFeatures(ImageFile file, ByteBuffer header, Map<String, String> metadata)
            throws ImageFormatException {
        if (header.capacity() < 104) {
            throw new ImageFormatException(file.name(), 0, "QCOW2 header", "expected at least 104 bytes for version 3"
                    + ", found " + header.capacity());
        }
        long incompatible = header.getLong(72);
        if ((incompatible & 4) != 0) {
            throw new UnsupportedImageException(file.name(), 72, "QCOW2 header, incompatible_features",
                    "bit 2 (external data file) is set; images whose data lives in another file are not read");
        }
        if ((incompatible & 16) != 0) {
            throw new UnsupportedImageException(file.name(), 72, "QCOW2 header, incompatible_features",
                    "bit 4 (extended L2 entries, subclusters) is set; not read");
        }
        if ((incompatible & ~KNOWN_INCOMPATIBLE) != 0) {
            throw new UnsupportedImageException(file.name(), 72, "QCOW2 header, incompatible_features",
                    String.format("unknown bits 0x%X are set", incompatible & ~KNOWN_INCOMPATIBLE));
        }
        if ((incompatible & 3) != 0) {
            metadata.put("qcow2.state", (incompatible & 2) != 0 ? "corrupt" : "dirty");
        }
        long headerLength = Integer.toUnsignedLong(header.getInt(100));
        if ((incompatible & 8) != 0) {
            int type = headerLength > 104 && header.capacity() > 104 ? header.get(104) & 0xFF : 0;
            if (type != 0) {
                throw new UnsupportedImageException(file.name(), 104, "QCOW2 header, compression_type",
                        "expected 0 (zlib), found " + type + (type == 1 ? " (zstd, not read)" : ""));
            }
        }
    }

    /** Clusters through L1 and cached L2 tables; compressed clusters inflated into the cache. */
    private static final class Qcow2Disk extends BlockDisk {
        private final ImageFile file;
        private final int clusterBits;
        private final int clusterSize;
        private final long[] l1;
        private final long l1At;
        private final UnitCache cache;

        Qcow2Disk(ImageFile file, long size, int clusterBits, long[] l1, long l1At, OpenContext context) {
            super(file.name(), size, 1L << clusterBits, context.fetched);
            this.file = file;
            this.clusterBits = clusterBits;
            this.clusterSize = 1 << clusterBits;
            this.l1 = l1;
            this.l1At = l1At;
            this.cache = context.cache;
        }

        @Override
        void readBlock(long cluster, int inCluster, byte[] buffer, int offset, int length) throws IOException {
            int l2Bits = clusterBits - 3;
            int l1Index = (int) (cluster >>> l2Bits);
            long l2At = l1[l1Index] & OFFSET_MASK;
            if (l2At == 0) {
                Arrays.fill(buffer, offset, offset + length, (byte) 0);
                return;
            }
            if ((l2At & (clusterSize - 1)) != 0 || l2At > file.size() - clusterSize) {
                throw new ImageFormatException(file.name(), l1At + l1Index * 8L, "QCOW2 L1 entry " + l1Index,
                        "expected a cluster-aligned L2 table inside the file of " + file.size() + " bytes, found 0x"
                                + Long.toHexString(l2At));
            }
            int l2Index = (int) (cluster & ((1L << l2Bits) - 1));
            byte[] l2 = cache.get(file.unitKey(l2At), () -> file.read(l2At, clusterSize, "QCOW2 L2 table"));
            long entryAt = l2At + l2Index * 8L;
            long entry = ByteBuffer.wrap(l2).order(ByteOrder.BIG_ENDIAN).getLong(l2Index * 8);
            if ((entry & COMPRESSED) != 0) {
                byte[] data = compressedCluster(entry, entryAt, cluster);
                System.arraycopy(data, inCluster, buffer, offset, length);
                return;
            }
            long host = entry & OFFSET_MASK;
            if ((entry & 1) != 0 || host == 0) {
                Arrays.fill(buffer, offset, offset + length, (byte) 0);
                return;
            }
            if ((host & (clusterSize - 1)) != 0 || host > file.size() - inCluster - length) {
                throw new ImageFormatException(file.name(), entryAt, "QCOW2 L2 entry " + l2Index + " (cluster "
                        + cluster + ")", "expected a cluster-aligned offset inside the file of " + file.size()
                                + " bytes, found 0x" + Long.toHexString(host));
            }
            file.read(host + inCluster, buffer, offset, length, "QCOW2 data cluster " + cluster);
        }

        /** Compressed cluster descriptor: x = 62 - (cluster_bits - 8) bits of host offset, then sector count. */
        private byte[] compressedCluster(long entry, long entryAt, long cluster) throws IOException {
            int x = 62 - (clusterBits - 8);
            long host = entry & ((1L << x) - 1);
            long sectors = ((entry & ((1L << 62) - 1)) >>> x) + 1;
            long end = Math.min(((host & ~511L) + sectors * 512), file.size());
            if (host >= file.size() || end <= host) {
                throw new ImageFormatException(file.name(), entryAt, "QCOW2 compressed L2 entry (cluster " + cluster
                        + ")", "expected compressed data inside the file of " + file.size() + " bytes, found offset 0x"
                                + Long.toHexString(host));
            }
            int length = Limits.checkedSize(file, entryAt, "QCOW2 compressed cluster size", end - host,
                    2L * clusterSize + 512);
            return cache.get(file.unitKey(host), () -> {
                byte[] compressed = file.read(host, length, "QCOW2 compressed cluster " + cluster);
                return Inflation.inflate(compressed, length, false, clusterSize, true, file, host,
                        "QCOW2 compressed cluster " + cluster);
            });
        }
    }
}
