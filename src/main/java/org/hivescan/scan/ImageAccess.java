package org.hivescan.scan;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.NamedSource;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.container.DiskImages;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.LogLocator;
import org.hivescan.volume.OpenedDisk;
import org.hivescan.volume.VolumeInfo;

/**
 * The one place the scan opens disk images. An image is recognised by content: the magic number of a container
 * format, or for a raw disk a first sector that holds a partition table or an NTFS boot sector; the file name
 * only adds the raw-image extensions and rules out the parts of a multi-file image (E01 segments past the first,
 * VMDK extents), which are read through the file that names them. Images on a remote file system are read
 * through the scan's byte source, which serves every image made of one file.
 */
final class ImageAccess {
    private static final Set<String> EXTENSIONS = Set.of("vhd", "vhdx", "vmdk", "qcow2", "e01", "raw", "img",
            "dd");
    /** VMDK extents named by a descriptor ({@code disk-flat.vmdk}, {@code disk-s001.vmdk}, {@code disk-f001.vmdk}). */
    private static final Pattern VMDK_EXTENT = Pattern.compile("(?i).*-(flat|[sf]\\d{3})\\.vmdk$");
    /** Split raw segments after the first ({@code disk.002}, ...). */
    private static final Pattern RAW_SEGMENT = Pattern.compile(".*\\.(\\d{3})$");
    private static final int SECTOR = 512;

    private ImageAccess() {
    }

    /**
     * Whether a file is a disk image to open: by its content, or for a raw image by its extension.
     *
     * @param name the file name
     * @param head the file's first bytes (up to 4 KiB)
     * @param tail the file's last 512 bytes, or an empty array
     */
    static boolean isImage(String name, byte[] head, byte[] tail) {
        if (isPartOfLargerImage(name)) {
            return false;
        }
        if (DiskImages.formatByMagic(head, tail) != null) {
            return true;
        }
        return hasPartitionTableOrNtfs(head) || looksLikeImage(name);
    }

    private static boolean isPartOfLargerImage(String name) {
        if (VMDK_EXTENT.matcher(name).matches()) {
            return true;
        }
        var m = RAW_SEGMENT.matcher(name);
        return m.matches() && Long.parseLong(m.group(1).substring(Math.max(0, m.group(1).length() - 9))) > 1;
    }

    /**
     * A raw disk's first sector: the boot signature 0x55AA at 510 and either an NTFS (or BitLocker) boot sector
     * (OEM id at 3) or an MBR with at least one used partition entry of sane shape (status 0x00 or 0x80, a type,
     * a length), a GPT protective entry included.
     */
    static boolean hasPartitionTableOrNtfs(byte[] head) {
        if (head.length < SECTOR || (head[510] & 0xFF) != 0x55 || (head[511] & 0xFF) != 0xAA) {
            return false;
        }
        String oem = new String(head, 3, 8, StandardCharsets.US_ASCII);
        if (oem.equals("NTFS    ") || oem.equals("-FVE-FS-")) {
            return true;
        }
        boolean used = false;
        for (int slot = 0; slot < 4; slot++) {
            int at = 446 + 16 * slot;
            int status = head[at] & 0xFF;
            int type = head[at + 4] & 0xFF;
            long sectors = (head[at + 12] & 0xFFL) | (head[at + 13] & 0xFFL) << 8 | (head[at + 14] & 0xFFL) << 16
                    | (head[at + 15] & 0xFFL) << 24;
            if (type == 0) {
                continue;
            }
            if (status != 0x00 && status != 0x80 || sectors == 0) {
                return false;
            }
            used = true;
        }
        return used;
    }

    /** Whether a file name has a disk image extension. */
    static boolean looksLikeImage(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Opens an image; the caller closes it. A local image is opened by path (its sibling files, such as E01
     * segments, are found beside it); on another file system the image is read through the scan's own byte
     * source, which serves every single-file image.
     */
    static OpenedDisk open(ScanFiles files, String image) throws IOException {
        Optional<Path> local = files.localPath(image);
        if (local.isPresent()) {
            return OpenedDisk.open(local.get());
        }
        return OpenedDisk.open(files.open(image));
    }

    /** Why an image holds no host: no Windows installation, and what each partition held instead. */
    static String noWindows(OpenedDisk disk) {
        StringBuilder why = new StringBuilder("no Windows installation (Windows/System32/config/SYSTEM or SOFTWARE"
                + " on an NTFS volume) in this " + disk.image().format() + " image");
        for (VolumeInfo v : disk.layout().volumes()) {
            why.append("; partition ").append(v.partition().index()).append(": ")
                    .append(!v.problem().isEmpty() ? v.problem() : v.fileSystem().isEmpty() ? "no known file system"
                            : v.fileSystem());
        }
        return why.toString();
    }

    /** Whether a volume of the image could not be looked into (BitLocker, damage), so Windows may be there. */
    static boolean hasUnreadableVolume(OpenedDisk disk) {
        return disk.layout().volumes().stream().anyMatch(v -> !v.problem().isEmpty());
    }

    /** One file inside an image as bytes; closing it closes the image it was opened from. */
    static ByteSource openFile(ScanFiles files, SourceRef ref) throws IOException {
        OpenedDisk disk = open(files, ref.container());
        try {
            return new NamedSource(disk.file(ref.member(), ref.partition()).file().open(), ref.toString(), disk);
        } catch (IOException | RuntimeException e) {
            closeQuietly(disk);
            throw e;
        }
    }

    /**
     * Loads a hive inside an image with its logs replayed when it is dirty, exactly as a loose file: one opening
     * of the image serves the primary and its logs, and is closed with the hive.
     */
    static LoadedHive load(ScanFiles files, HiveCandidate hive) throws IOException, HiveFormatException {
        return load(open(files, hive.source().container()), hive, true);
    }

    /**
     * Loads a hive from an image already open; with {@code ownsDisk} the hive closes the image when it is closed
     * (and so does a failure), else the caller does, after the hive.
     */
    static LoadedHive load(OpenedDisk disk, HiveCandidate hive, boolean ownsDisk) throws IOException {
        SourceRef ref = hive.source();
        try {
            ByteSource primary = new NamedSource(disk.file(ref.member(), ref.partition()).file().open(), ref.toString(),
                    ownsDisk ? disk : null);
            LogLocator logs = () -> {
                List<ByteSource> out = new ArrayList<>();
                for (SourceRef log : hive.logs()) {
                    out.add(new NamedSource(disk.file(log.member(), log.partition()).file().open(), log.toString(),
                            null));
                }
                return out;
            };
            return HiveLoader.open(primary, logs, LoadOptions.defaults());
        } catch (IOException | RuntimeException e) {
            if (ownsDisk) {
                closeQuietly(disk);
            }
            throw e;
        }
    }

    static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Read-only image: nothing to lose.
            }
        }
    }
}
