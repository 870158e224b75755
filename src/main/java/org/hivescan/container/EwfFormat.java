package org.hivescan.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Adler32;

/**
 * EWF-E01 (libyal "Expert Witness Compression Format (EWF)"): segment files {@code .E01}, {@code .E02}, … each
 * start with a 13-byte file header and hold a chain of sections (76-byte descriptors with Adler-32). The volume
 * (or disk) section gives the geometry; each table section lists the chunks of the preceding sectors section
 * (offsets relative to the table's base offset, top bit = zlib-compressed; uncompressed chunks end with an
 * Adler-32); hash and digest sections store MD5 and SHA-1; header2/header sections carry the case metadata as
 * zlib-compressed text. Chunk tables are read lazily, one table section at a time.
 */
final class EwfFormat {
    private static final byte[] SIGNATURE = {'E', 'V', 'F', 0x09, 0x0D, 0x0A, (byte) 0xFF, 0x00};
    private static final int FILE_HEADER = 13;
    private static final int DESCRIPTOR = 76;
    private static final int MAX_CHUNK_BYTES = 16 << 20;
    private static final int MAX_HEADER_TEXT = 1 << 20;
    private static final long MAX_TABLE_ENTRIES = 1 << 20;
    private static final Map<String, String> CASE_KEYS = Map.ofEntries(Map.entry("c", "case.number"),
            Map.entry("n", "case.evidence_number"), Map.entry("a", "case.description"),
            Map.entry("e", "case.examiner"), Map.entry("t", "case.notes"), Map.entry("md", "case.model"),
            Map.entry("sn", "case.serial_number"), Map.entry("l", "case.device_label"),
            Map.entry("av", "case.acquisition_software"), Map.entry("ov", "case.acquisition_platform"),
            Map.entry("m", "case.acquisition_date"), Map.entry("u", "case.system_date"));

    private EwfFormat() {
    }

    /** One table section: chunks [first, first + count) whose entries sit at {@code entriesAt} of {@code file}. */
    private record Table(ImageFile file, long first, int count, long entriesAt, long base, long dataEnd,
            long mirrorAt) {
        Table withMirror(long at) {
            return new Table(file, first, count, entriesAt, base, dataEnd, at);
        }
    }

    /** What the section walk collects across segments. */
    private static final class Walk {
        final List<Table> tables = new ArrayList<>();
        final Map<String, String> metadata = new LinkedHashMap<>();
        ByteBuffer volume;
        long volumeAt;
        ImageFile volumeFile;
        long chunks;
        long sectorsStart = -1;
        long sectorsEnd = -1;
        String header2;
        String header;
    }

    static DiskImage open(ImageFile first, OpenContext context) throws IOException {
        Walk walk = new Walk();
        ImageFile segment = first;
        for (int number = 1; ; number++) {
            checkFileHeader(segment, number);
            boolean done = walkSections(segment, walk, context);
            if (done) {
                break;
            }
            if (number >= Limits.MAX_SEGMENTS || number >= 14_295) {
                throw new ImageFormatException(segment.name(), 0, "EWF segment file",
                        "expected at most " + Math.min(Limits.MAX_SEGMENTS, 14_295) + " segments");
            }
            Path next = OpenContext.sibling(first, segmentName(Path.of(first.name()).getFileName().toString(),
                    number + 1), "EWF next segment");
            if (!Files.isRegularFile(next)) {
                throw new ImageFormatException(segment.name(), segment.size(), "EWF next section",
                        "expected the next segment file " + next.getFileName() + ", found none");
            }
            segment = context.open(next);
        }
        if (walk.volume == null) {
            throw new ImageFormatException(first.name(), FILE_HEADER, "EWF section chain",
                    "expected a volume or disk section, found none");
        }
        return build(walk, context);
    }

    private static DiskImage build(Walk walk, OpenContext context) throws IOException {
        ByteBuffer volume = walk.volume;
        long sectorsPerChunk = Integer.toUnsignedLong(volume.getInt(8));
        long bytesPerSector = Integer.toUnsignedLong(volume.getInt(12));
        long sectors = volume.getLong(16);
        long chunkSize = sectorsPerChunk * bytesPerSector;
        if (bytesPerSector < 1 || bytesPerSector > 65536 || chunkSize < 1 || chunkSize > MAX_CHUNK_BYTES) {
            throw new ImageFormatException(walk.volumeFile.name(), walk.volumeAt + 8, "EWF volume section, "
                    + "sectors per chunk x bytes per sector", "expected a chunk of 1 byte to 16 MiB, found "
                    + sectorsPerChunk + " x " + bytesPerSector);
        }
        if (sectors < 0 || sectors > Long.MAX_VALUE / bytesPerSector) {
            throw new ImageFormatException(walk.volumeFile.name(), walk.volumeAt + 16, "EWF volume section, "
                    + "number of sectors", "expected a size below 2^63 bytes, found " + Long.toUnsignedString(sectors));
        }
        long size = sectors * bytesPerSector;
        long needed = (size + chunkSize - 1) / chunkSize;
        if (walk.chunks < needed) {
            throw new ImageFormatException(walk.volumeFile.name(), walk.volumeAt + 16, "EWF volume section, "
                    + "number of sectors", "expected chunk tables covering " + needed + " chunks for " + size
                    + " bytes, found " + walk.chunks + " chunks in the tables");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("subformat", "e01");
        metadata.put("ewf.bytes_per_sector", Long.toString(bytesPerSector));
        metadata.put("ewf.sectors_per_chunk", Long.toString(sectorsPerChunk));
        String text = walk.header2 != null ? walk.header2 : walk.header;
        if (text != null) {
            caseMetadata(text, metadata);
        }
        metadata.putAll(walk.metadata);
        EwfDisk disk = new EwfDisk(walk.volumeFile.name(), size, (int) chunkSize,
                walk.tables.toArray(new Table[0]), context);
        return context.image("e01", disk, metadata);
    }

    private static void checkFileHeader(ImageFile segment, int number) throws IOException {
        ByteBuffer header = segment.readLittleEndian(0, FILE_HEADER, "EWF file header");
        if (!Arrays.equals(header.array(), 0, 8, SIGNATURE, 0, 8)) {
            throw new ImageFormatException(segment.name(), 0, "EWF file header, signature",
                    "expected \"EVF\\x09\\x0D\\x0A\\xFF\\x00\", found another value");
        }
        int found = header.getShort(9) & 0xFFFF;
        if (found != number) {
            throw new ImageFormatException(segment.name(), 9, "EWF file header, segment number",
                    "expected " + number + ", found " + found);
        }
    }

    /** Walks one segment's section chain; true when it ends with "done", false with "next". */
    private static boolean walkSections(ImageFile segment, Walk walk, OpenContext context) throws IOException {
        walk.sectorsStart = -1;
        walk.sectorsEnd = -1;
        long at = FILE_HEADER;
        for (int count = 0; count < Limits.MAX_SECTIONS; count++) {
            ByteBuffer descriptor = segment.readLittleEndian(at, DESCRIPTOR, "EWF section descriptor");
            checkAdler(segment, at, descriptor.array(), 0, 72, descriptor.getInt(72), "EWF section descriptor");
            String type = new String(descriptor.array(), 0, 16, StandardCharsets.US_ASCII).replace("\0", "");
            long next = descriptor.getLong(16);
            long size = descriptor.getLong(24);
            long dataAt = at + DESCRIPTOR;
            long dataSize = size >= DESCRIPTOR ? size - DESCRIPTOR : 0;
            if (size < 0 || size > segment.size() - at) {
                throw new ImageFormatException(segment.name(), at + 24, "EWF " + type + " section, size",
                        "expected at most the " + (segment.size() - at) + " bytes left in the file, found "
                                + Long.toUnsignedString(size));
            }
            switch (type) {
                case "done" -> {
                    return true;
                }
                case "next" -> {
                    return false;
                }
                case "header2" -> walk.header2 = walk.header2 != null ? walk.header2
                        : headerText(segment, dataAt, dataSize, true);
                case "header" -> walk.header = walk.header != null ? walk.header
                        : headerText(segment, dataAt, dataSize, false);
                case "volume", "disk", "data" -> {
                    if (walk.volume == null) {
                        if (dataSize < 24) {
                            throw new ImageFormatException(segment.name(), at + 24, "EWF " + type + " section, size",
                                    "expected at least 24 bytes of data, found " + dataSize);
                        }
                        walk.volume = segment.readLittleEndian(dataAt, 24, "EWF " + type + " section");
                        walk.volumeAt = dataAt;
                        walk.volumeFile = segment;
                    }
                }
                case "sectors" -> {
                    walk.sectorsStart = dataAt;
                    walk.sectorsEnd = at + size;
                }
                case "table" -> table(segment, at, dataAt, dataSize, walk);
                case "table2" -> mirror(segment, dataAt, dataSize, walk);
                case "hash" -> {
                    if (dataSize >= 16) {
                        walk.metadata.put("md5", hex(segment.read(dataAt, 16, "EWF hash section, MD5")));
                    }
                }
                case "digest" -> {
                    if (dataSize >= 36) {
                        byte[] digest = segment.read(dataAt, 36, "EWF digest section");
                        walk.metadata.put("md5", hex(Arrays.copyOfRange(digest, 0, 16)));
                        walk.metadata.put("sha1", hex(Arrays.copyOfRange(digest, 16, 36)));
                    }
                }
                default -> {
                    // error2, session, ltree and others carry nothing this reader needs
                }
            }
            if (next <= at || next > segment.size() - DESCRIPTOR) {
                throw new ImageFormatException(segment.name(), at + 16, "EWF " + type + " section, next offset",
                        "expected an offset after 0x" + Long.toHexString(at) + " with a section descriptor before "
                                + "the end of the file (0x" + Long.toHexString(segment.size()) + "), found 0x"
                                + Long.toHexString(next));
            }
            at = next;
        }
        throw new ImageFormatException(segment.name(), at, "EWF section chain",
                "expected at most " + Limits.MAX_SECTIONS + " sections");
    }

    private static void table(ImageFile segment, long at, long dataAt, long dataSize, Walk walk) throws IOException {
        ByteBuffer header = segment.readLittleEndian(dataAt, 24, "EWF table header");
        checkAdler(segment, dataAt, header.array(), 0, 20, header.getInt(20), "EWF table header");
        long count = Integer.toUnsignedLong(header.getInt(0));
        long base = header.getLong(8);
        if (count > MAX_TABLE_ENTRIES || 24 + count * 4 > dataSize) {
            throw new ImageFormatException(segment.name(), dataAt, "EWF table header, number of entries",
                    "expected at most " + Math.min(MAX_TABLE_ENTRIES, Math.max(0, (dataSize - 24) / 4))
                            + " entries in a section of " + dataSize + " data bytes, found " + count);
        }
        if (base < 0 || base > segment.size()) {
            throw new ImageFormatException(segment.name(), dataAt + 8, "EWF table header, base offset",
                    "expected an offset inside the file, found 0x" + Long.toHexString(base));
        }
        // chunks live in the preceding sectors section (EnCase 2 and later) or in the table section itself
        long dataEnd = walk.sectorsEnd > 0 ? walk.sectorsEnd : at;
        walk.tables.add(new Table(segment, walk.chunks, (int) count, dataAt + 24, base, dataEnd, -1));
        walk.chunks += count;
        walk.sectorsEnd = -1;
    }

    /** A table2 section right after its table is the same table: kept to fall back on when the table is damaged. */
    private static void mirror(ImageFile segment, long dataAt, long dataSize, Walk walk) throws IOException {
        if (walk.tables.isEmpty() || dataSize < 24) {
            return;
        }
        Table last = walk.tables.get(walk.tables.size() - 1);
        ByteBuffer header = segment.readLittleEndian(dataAt, 24, "EWF table2 header");
        if (last.file() == segment && last.mirrorAt() < 0 && Integer.toUnsignedLong(header.getInt(0)) == last.count()
                && header.getLong(8) == last.base() && 24 + last.count() * 4L + 4 <= dataSize) {
            walk.tables.set(walk.tables.size() - 1, last.withMirror(dataAt + 24));
        }
    }

    private static String headerText(ImageFile segment, long at, long size, boolean utf16) throws IOException {
        int length = Limits.checkedSize(segment, at, "EWF header section, size", size, MAX_HEADER_TEXT);
        byte[] compressed = segment.read(at, length, "EWF header section");
        byte[] text = inflateText(compressed, segment, at);
        if (utf16) {
            boolean bigEndian = text.length >= 2 && (text[0] & 0xFF) == 0xFE && (text[1] & 0xFF) == 0xFF;
            int skip = text.length >= 2 && ((text[0] & 0xFF) == 0xFF || (text[0] & 0xFF) == 0xFE) ? 2 : 0;
            return new String(text, skip, text.length - skip,
                    bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static byte[] inflateText(byte[] compressed, ImageFile segment, long at) throws ImageFormatException {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[MAX_HEADER_TEXT];
            int n = 0;
            for (int pass = 0; n < out.length && !inflater.finished() && pass < MAX_HEADER_TEXT; pass++) {
                int produced = inflater.inflate(out, n, out.length - n);
                if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += produced;
            }
            return Arrays.copyOf(out, n);
        } catch (java.util.zip.DataFormatException e) {
            throw new ImageFormatException(segment.name(), at, "EWF header section",
                    "expected zlib-compressed text, found invalid data (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /** The "main" category: a line of tab-separated identifiers, then a line of values. */
    private static void caseMetadata(String text, Map<String, String> metadata) {
        String[] lines = text.split("\r?\n");
        for (int i = 0; i + 2 < lines.length; i++) {
            if (lines[i].trim().equals("main")) {
                String[] keys = lines[i + 1].split("\t", -1);
                String[] values = lines[i + 2].split("\t", -1);
                for (int k = 0; k < Math.min(keys.length, values.length); k++) {
                    String key = CASE_KEYS.get(keys[k].trim());
                    if (key != null && !values[k].isEmpty()) {
                        metadata.put(key, values[k]);
                    }
                }
                return;
            }
        }
    }

    static void checkAdler(ImageFile file, long at, byte[] data, int from, int length, int stored, String structure)
            throws ImageFormatException {
        Adler32 adler = new Adler32();
        adler.update(data, from, length);
        if ((int) adler.getValue() != stored) {
            throw new ImageFormatException(file.name(), at + from + length, structure + ", checksum",
                    String.format("expected Adler-32 0x%08X, found 0x%08X", (int) adler.getValue(), stored));
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** E01 … E99, then EAA … EZZ, FAA … ZZZ, keeping the case of the first segment's extension. */
    static String segmentName(String firstName, int number) {
        int dot = firstName.lastIndexOf('.');
        String stem = dot >= 0 ? firstName.substring(0, dot + 1) : firstName + ".";
        String extension = dot >= 0 ? firstName.substring(dot + 1) : "E01";
        char letter = extension.isEmpty() ? 'E' : extension.charAt(0);
        boolean lower = Character.isLowerCase(letter);
        char upper = Character.toUpperCase(letter);
        String next;
        if (number <= 99) {
            next = String.format("%c%02d", upper, number);
        } else {
            int i = number - 100;
            next = new String(new char[] {(char) (upper + i / 676), (char) ('A' + i / 26 % 26), (char) ('A' + i % 26)});
        }
        return stem + (lower ? next.toLowerCase(Locale.ROOT) : next);
    }

    /** Chunks through lazily loaded table sections, inflated into the cache. */
    private static final class EwfDisk extends BlockDisk {
        private final int chunkSize;
        private final Table[] tables;
        private final long[] firsts;
        private final UnitCache cache;

        EwfDisk(String name, long size, int chunkSize, Table[] tables, OpenContext context) {
            super(name, size, chunkSize, context.fetched);
            this.chunkSize = chunkSize;
            this.tables = tables;
            this.firsts = new long[tables.length];
            for (int i = 0; i < tables.length; i++) {
                firsts[i] = tables[i].first();
            }
            this.cache = context.cache;
        }

        @Override
        void readBlock(long chunk, int inChunk, byte[] buffer, int offset, int length) throws IOException {
            int index = Arrays.binarySearch(firsts, chunk);
            if (index < 0) {
                index = -index - 2;
            }
            while (tables[index].count() == 0 || chunk >= tables[index].first() + tables[index].count()) {
                index++;  // empty tables share a first chunk with the next one
            }
            Table table = tables[index];
            int expected = (int) Math.min(chunkSize, size() - chunk * chunkSize);
            byte[] data = chunk(table, (int) (chunk - table.first()), chunk, expected);
            System.arraycopy(data, inChunk, buffer, offset, length);
        }

        /** The table's entries, or its table2 mirror's when the table fails its checksum. */
        private static byte[] entries(Table table) throws IOException {
            ImageFile file = table.file();
            int length = table.count() * 4;
            byte[] data = file.read(table.entriesAt(), length + 4, "EWF table entries");
            try {
                checkAdler(file, table.entriesAt(), data, 0, length,
                        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(length), "EWF table entries");
                return data;
            } catch (ImageFormatException damaged) {
                if (table.mirrorAt() < 0) {
                    throw damaged;
                }
                byte[] mirror = file.read(table.mirrorAt(), length + 4, "EWF table2 entries");
                try {
                    checkAdler(file, table.mirrorAt(), mirror, 0, length,
                            ByteBuffer.wrap(mirror).order(ByteOrder.LITTLE_ENDIAN).getInt(length), "EWF table2 entries");
                } catch (ImageFormatException alsoDamaged) {
                    damaged.addSuppressed(alsoDamaged);
                    throw damaged;
                }
                return mirror;
            }
        }

        private byte[] chunk(Table table, int entry, long chunk, int expected) throws IOException {
            ImageFile file = table.file();
            byte[] entries = cache.get(file.unitKey(table.entriesAt()), () -> entries(table));
            ByteBuffer view = ByteBuffer.wrap(entries).order(ByteOrder.LITTLE_ENDIAN);
            long value = Integer.toUnsignedLong(view.getInt(entry * 4));
            boolean compressed = (value & 0x8000_0000L) != 0;
            long start = table.base() + (value & 0x7FFF_FFFFL);
            long end = entry + 1 < table.count()
                    ? table.base() + (Integer.toUnsignedLong(view.getInt(entry * 4 + 4)) & 0x7FFF_FFFFL)
                    : table.dataEnd();
            long entryAt = table.entriesAt() + entry * 4L;
            if (start < FILE_HEADER || end > file.size() || end <= start || end - start > 2L * chunkSize + 1024) {
                throw new ImageFormatException(file.name(), entryAt, "EWF table entry " + entry + " (chunk " + chunk
                        + ")", "expected chunk data of at most " + (2L * chunkSize + 1024) + " bytes inside the file of "
                                + file.size() + " bytes, found 0x" + Long.toHexString(start) + " to 0x"
                                + Long.toHexString(end));
            }
            int stored = (int) (end - start);
            return cache.get(file.unitKey(start), () -> {
                if (compressed) {
                    byte[] data = file.read(start, stored, "EWF compressed chunk " + chunk);
                    return Inflation.inflate(data, stored, true, expected, false, file, start,
                            "EWF compressed chunk " + chunk);
                }
                if (stored < expected + 4) {
                    throw new ImageFormatException(file.name(), entryAt, "EWF table entry " + entry + " (chunk "
                            + chunk + ")", "expected an uncompressed chunk of " + (expected + 4)
                                    + " bytes with its checksum, found " + stored);
                }
                byte[] data = file.read(start, expected + 4, "EWF chunk " + chunk);
                checkAdler(file, start, data, 0, expected,
                        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(expected), "EWF chunk " + chunk);
                return Arrays.copyOf(data, expected);
            });
        }
    }
}
