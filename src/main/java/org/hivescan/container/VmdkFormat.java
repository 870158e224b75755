package org.hivescan.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VMDK (VMware "Virtual Disk Format 5.0"): a hosted sparse extent file (monolithicSparse, streamOptimized) read by
 * {@link VmdkSparseExtent}, or a text descriptor naming extents in order ({@code FLAT}, {@code SPARSE},
 * {@code ZERO}, {@code VMFS}) in sibling files. A descriptor with a parent ({@code parentCID} other than
 * {@code ffffffff}) is refused: parent chains are not read.
 */
final class VmdkFormat {
    private static final int SECTOR = 512;
    private static final int MAX_EXTENTS = 10_000;
    private static final Pattern EXTENT = Pattern.compile(
            "(RW|RDONLY|NOACCESS)\\s+(\\d+)\\s+(\\w+)(?:\\s+\"([^\"]*)\"(?:\\s+(\\d+))?)?.*");
    private static final Pattern SETTING = Pattern.compile("([A-Za-z0-9_.]+)\\s*=\\s*\"?([^\"]*)\"?\\s*");

    private VmdkFormat() {
    }

    /** A descriptor file is short text starting with its comment line or a known key. */
    static boolean isDescriptor(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.startsWith("# Disk DescriptorFile") || text.startsWith("version=1") && text.contains("createType");
    }

    static DiskImage open(ImageFile file, byte[] head, OpenContext context) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!isDescriptor(head)) {
            VmdkSparseExtent extent = VmdkSparseExtent.open(file, -1, context);
            String descriptor = extent.embeddedDescriptor();
            if (descriptor != null) {
                parse(file, descriptor, metadata, new ArrayList<>());
            }
            metadata.putIfAbsent("subformat", extent.isStreamOptimized() ? "streamOptimized" : "monolithicSparse");
            if (extent.gdAtEnd()) {
                metadata.put("vmdk.grain_directory", "footer");
            }
            return context.image("vmdk", extent, metadata);
        }
        if (file.size() > Limits.MAX_DESCRIPTOR_BYTES) {
            throw new ImageFormatException(file.name(), 0, "VMDK descriptor file", "expected at most "
                    + Limits.MAX_DESCRIPTOR_BYTES + " bytes, found " + file.size());
        }
        String text = new String(file.read(0, (int) file.size(), "VMDK descriptor file"), StandardCharsets.UTF_8);
        List<String[]> extents = new ArrayList<>();
        parse(file, text, metadata, extents);
        if (extents.isEmpty()) {
            throw new ImageFormatException(file.name(), 0, "VMDK descriptor, extent description",
                    "expected at least one extent line, found none");
        }
        List<VirtualDisk> parts = new ArrayList<>();
        for (String[] extent : extents) {
            parts.add(extent(file, extent, context));
        }
        VirtualDisk disk = parts.size() == 1 ? parts.get(0) : new ConcatenatedDisk(file.name(), parts, context.fetched);
        return context.image("vmdk", disk, metadata);
    }

    /** Reads settings into metadata and extent lines as {sectors, type, file, offset, line}. */
    private static void parse(ImageFile file, String text, Map<String, String> metadata, List<String[]> extents)
            throws ImageFormatException {
        int nul = text.indexOf('\0');
        String[] lines = (nul >= 0 ? text.substring(0, nul) : text).split("\r?\n");
        for (String raw : lines) {
            String line = raw.trim();
            Matcher extent = EXTENT.matcher(line);
            Matcher setting = SETTING.matcher(line);
            if (extent.matches()) {
                if (extents.size() >= MAX_EXTENTS) {
                    throw new ImageFormatException(file.name(), 0, "VMDK descriptor, extent description",
                            "expected at most " + MAX_EXTENTS + " extents");
                }
                extents.add(new String[] {extent.group(2), extent.group(3), extent.group(4), extent.group(5), line});
            } else if (!line.startsWith("#") && setting.matches()) {
                String key = setting.group(1);
                String value = setting.group(2).trim();
                switch (key) {
                    case "createType" -> metadata.put("subformat", value);
                    case "CID" -> metadata.put("vmdk.cid", value);
                    case "parentCID" -> {
                        if (!value.equalsIgnoreCase("ffffffff")) {
                            throw new UnsupportedImageException(file.name(), 0, "VMDK descriptor, parentCID",
                                    "expected ffffffff (no parent), found " + value
                                            + ": a child disk needs its parent; parent chains are not read");
                        }
                    }
                    case "ddb.uuid" -> metadata.put("vmdk.uuid", value);
                    case "ddb.adapterType" -> metadata.put("vmdk.adapter_type", value);
                    case "ddb.longContentID" -> metadata.put("vmdk.long_content_id", value);
                    default -> {
                    }
                }
            }
        }
    }

    private static VirtualDisk extent(ImageFile descriptor, String[] extent, OpenContext context) throws IOException {
        String line = extent[4];
        long size = sectors(descriptor, extent[0], line) * SECTOR;
        String type = extent[1].toUpperCase(Locale.ROOT);
        if (type.equals("ZERO")) {
            return new ZeroDisk(descriptor.name(), size, context.fetched);
        }
        if (extent[2] == null) {
            throw new ImageFormatException(descriptor.name(), 0, "VMDK descriptor extent \"" + line + "\"",
                    "expected a quoted file name, found none");
        }
        Path name;
        try {
            name = Path.of(extent[2]);
        } catch (InvalidPathException e) {
            throw new ImageFormatException(descriptor.name(), 0, "VMDK descriptor extent \"" + line + "\"",
                    "expected a file name, found \"" + extent[2] + "\" (" + e.getReason() + ")", e);
        }
        if (name.isAbsolute() || name.normalize().startsWith("..") || extent[2].isEmpty()) {
            throw new UnsupportedImageException(descriptor.name(), 0, "VMDK descriptor extent \"" + line + "\"",
                    "expected a file name in the descriptor's folder, found \"" + extent[2] + "\"; other folders are"
                            + " not followed");
        }
        Path path = OpenContext.sibling(descriptor, name.toString(), "VMDK descriptor extent \"" + line + "\"");
        ImageFile file = context.open(path);
        switch (type) {
            case "FLAT", "VMFS" -> {
                long start = extent[3] == null ? 0 : sectors(descriptor, extent[3], line) * SECTOR;
                if (start < 0 || start > file.size() || size > file.size() - start) {
                    throw new ImageFormatException(file.name(), start, "VMDK flat extent (" + line + ")",
                            "expected " + size + " bytes from offset 0x" + Long.toHexString(start) + ", found a file of "
                                    + file.size() + " bytes");
                }
                return new FileSliceDisk(file.name(), file, start, size, "VMDK flat extent", context.fetched);
            }
            case "SPARSE", "VMFSSPARSE" -> {
                return VmdkSparseExtent.open(file, size, context);
            }
            default -> throw new UnsupportedImageException(descriptor.name(), 0,
                    "VMDK descriptor extent \"" + line + "\"", "extent type " + type + " is not read");
        }
    }

    /** A decimal sector count or offset of an extent line, at most 2^45 sectors (16 PiB). */
    private static long sectors(ImageFile descriptor, String digits, String line) throws ImageFormatException {
        long sectors;
        try {
            sectors = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            sectors = -1;
        }
        if (sectors < 0 || sectors > (1L << 45)) {
            throw new ImageFormatException(descriptor.name(), 0, "VMDK descriptor extent \"" + line + "\"",
                    "expected a sector number up to 2^45, found " + digits);
        }
        return sectors;
    }
}
