package org.hivescan.container;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * Mutates the structures of an image rather than its data: it finds headers, tables and descriptors by reading
 * the specs' layouts itself, overwrites fields there with boundary values, and then repairs the checksums that
 * guard them (VHD footer and header, VHDX headers and region tables, EWF section descriptors and tables) so the
 * damage reaches the code behind the checksum.
 */
final class ContainerMutator {
    private static final long[] INTERESTING = {0, 1, 2, 7, 0x7F, 0x80, 0xFF, 0x1FF, 0x200, 0xFFFF, 0x7FFF_FFFFL,
        0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFF_FFFFL, 0x7FFF_FFFF_FFFF_FFFFL, 0x1_0000_0000L};

    private final String format;
    private final byte[] image;
    private final List<long[]> structures;

    ContainerMutator(String format, byte[] image) {
        this.format = format;
        this.image = image;
        this.structures = structures();
    }

    int structureCount() {
        return structures.size();
    }

    /** A copy of the image with 1 to 4 fields of its structures overwritten, checksums repaired. */
    byte[] mutate(Random random) {
        byte[] copy = image.clone();
        ByteBuffer le = ByteBuffer.wrap(copy).order(bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            long[] range = structures.get(random.nextInt(structures.size()));
            int length = (int) Math.max(1, Math.min(range[1], copy.length - range[0]));
            int at = (int) (range[0] + random.nextInt(length));
            switch (random.nextInt(5)) {
                case 0 -> copy[at] = (byte) random.nextInt(256);
                case 1 -> copy[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    at &= ~3;
                    if (at + 4 <= copy.length) {
                        le.putInt(at, (int) INTERESTING[random.nextInt(INTERESTING.length)]);
                    }
                }
                case 3 -> {
                    at &= ~7;
                    if (at + 8 <= copy.length) {
                        le.putLong(at, INTERESTING[random.nextInt(INTERESTING.length)]);
                    }
                }
                default -> {
                    at &= ~3;
                    if (at + 4 <= copy.length) {
                        le.putInt(at, le.getInt(at) + random.nextInt(33) - 16);
                    }
                }
            }
        }
        repairChecksums(copy);
        return copy;
    }

    private boolean bigEndian() {
        return format.equals("vhd") || format.equals("qcow2");
    }

    /** {offset, length} of every structure found. */
    private List<long[]> structures() {
        List<long[]> found = new ArrayList<>();
        ByteBuffer le = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.wrap(image).order(ByteOrder.BIG_ENDIAN);
        switch (format) {
            case "vhd" -> {
                found.add(new long[] {image.length - 512, 512});
                long header = be.getLong(image.length - 512 + 16);
                found.add(new long[] {header, 1024});
                long table = be.getLong((int) header + 16);
                int entries = be.getInt((int) header + 28);
                found.add(new long[] {table, entries * 4L});
                for (int i = 0; i < entries; i++) {
                    long sector = be.getInt((int) table + i * 4) & 0xFFFFFFFFL;
                    if (sector != 0xFFFFFFFFL) {
                        found.add(new long[] {sector * 512, 512});
                    }
                }
            }
            case "vhdx" -> {
                found.add(new long[] {64 << 10, 128});
                found.add(new long[] {128 << 10, 128});
                for (int table : new int[] {192 << 10, 256 << 10}) {
                    int count = le.getInt(table + 8);
                    found.add(new long[] {table, 16 + 32L * Math.min(count, 8)});
                    for (int i = 0; i < Math.min(count, 8); i++) {
                        long offset = le.getLong(table + 16 + i * 32 + 16);
                        int length = le.getInt(table + 16 + i * 32 + 24);
                        found.add(new long[] {offset, Math.min(length, 4096)});
                    }
                }
            }
            case "qcow2" -> {
                found.add(new long[] {0, 112});
                long l1 = be.getLong(40);
                int l1Size = be.getInt(36);
                found.add(new long[] {l1, l1Size * 8L});
                int cluster = 1 << be.getInt(20);
                for (int i = 0; i < l1Size; i++) {
                    long l2 = be.getLong((int) l1 + i * 8) & 0x00FF_FFFF_FFFF_FE00L;
                    if (l2 != 0) {
                        found.add(new long[] {l2, cluster});
                    }
                }
            }
            case "vmdk" -> {
                found.add(new long[] {0, 80});
                found.add(new long[] {image.length - 1536, 1536});
                long gdSector = le.getLong(56);
                int headerAt = gdSector == -1 ? image.length - 1024 : 0;
                long gd = le.getLong(headerAt + 56) * 512;
                found.add(new long[] {gd, 64});
                long gt = (le.getInt((int) gd) & 0xFFFFFFFFL) * 512;
                if (gt > 0 && gt < image.length) {
                    found.add(new long[] {gt, 2048});
                }
            }
            case "e01" -> {
                long at = 13;
                for (int i = 0; i < 64 && at + 76 <= image.length; i++) {
                    found.add(new long[] {at, 76});
                    String type = new String(image, (int) at, 16, java.nio.charset.StandardCharsets.US_ASCII)
                            .replace("\0", "");
                    if (type.equals("table") || type.equals("volume")) {
                        found.add(new long[] {at + 76, 64});
                    }
                    long next = le.getLong((int) at + 16);
                    if (next <= at) {
                        break;
                    }
                    at = next;
                }
            }
            default -> found.add(new long[] {0, image.length});
        }
        found.removeIf(r -> r[0] < 0 || r[0] >= image.length || r[1] <= 0);
        return found;
    }

    private void repairChecksums(byte[] copy) {
        switch (format) {
            case "vhd" -> {
                ByteBuffer be = ByteBuffer.wrap(copy).order(ByteOrder.BIG_ENDIAN);
                int footer = copy.length - 512;
                vhdChecksum(be, footer, 512, 64);
                vhdChecksum(be, 0, 512, 64);
                long header = be.getLong(footer + 16);
                if (header > 0 && header + 1024 <= copy.length) {
                    vhdChecksum(be, (int) header, 1024, 36);
                }
            }
            case "vhdx" -> {
                ByteBuffer le = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                for (int at : new int[] {64 << 10, 128 << 10}) {
                    crc(copy, le, at, 4096);
                }
                for (int at : new int[] {192 << 10, 256 << 10}) {
                    crc(copy, le, at, 64 << 10);
                }
            }
            case "e01" -> {
                ByteBuffer le = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                long at = 13;
                for (int i = 0; i < 64 && at + 76 <= copy.length; i++) {
                    le.putInt((int) at + 72, adler(copy, (int) at, 72));
                    String type = new String(copy, (int) at, 16, java.nio.charset.StandardCharsets.US_ASCII)
                            .replace("\0", "");
                    if (type.equals("table") && at + 100 <= copy.length) {
                        int table = (int) at + 76;
                        le.putInt(table + 20, adler(copy, table, 20));
                        long count = le.getInt(table) & 0xFFFFFFFFL;
                        if (table + 24 + count * 4 + 4 <= copy.length) {
                            le.putInt((int) (table + 24 + count * 4), adler(copy, table + 24, (int) count * 4));
                        }
                    }
                    long next = le.getLong((int) at + 16);
                    if (next <= at) {
                        break;
                    }
                    at = next;
                }
            }
            default -> {
            }
        }
    }

    private static void vhdChecksum(ByteBuffer be, int at, int length, int field) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            if (i < field || i >= field + 4) {
                sum += be.get(at + i) & 0xFF;
            }
        }
        be.putInt(at + field, (int) ~sum);
    }

    private static void crc(byte[] copy, ByteBuffer le, int at, int length) {
        byte[] data = Arrays.copyOfRange(copy, at, at + length);
        Arrays.fill(data, 4, 8, (byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(data);
        le.putInt(at + 4, (int) crc.getValue());
    }

    private static int adler(byte[] data, int from, int length) {
        Adler32 adler = new Adler32();
        adler.update(data, from, length);
        return (int) adler.getValue();
    }
}
