package org.hivescan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.format.BaseBlock;
import org.hivescan.bytes.FileByteSource;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.NamedSource;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.LogLocator;
import org.hivescan.volume.NtfsFile;
import org.hivescan.volume.OpenedDisk;

/**
 * Loads hives that live inside a disk image, through the same loader as loose files: the NTFS file is the primary's
 * byte source, and the logs beside it in the image ({@code SYSTEM.LOG1}, any case) are replayed when it is dirty.
 */
final class ImageHives {
    private ImageHives() {
    }

    /** Loads {@code IMAGE:/path} when {@code argument} names one; empty when it is a plain file. */
    static Optional<LoadedHive> loadIfImagePath(Path argument, LoadOptions options) throws HiveFormatException {
        Optional<ImagePath> imagePath = ImagePath.parse(argument.toString());
        if (imagePath.isEmpty()) {
            return Optional.empty();
        }
        ImagePath ip = imagePath.get();
        OpenedDisk disk = null;
        try {
            disk = OpenedDisk.open(ip.image());
            OpenedDisk.ImageFile file = disk.file(ip.inner(), null);
            return Optional.of(load(disk, file, ip.display(), options, true));
        } catch (IOException e) {
            closeQuietly(disk);
            throw new HiveFormatException(ip.display(), String.valueOf(e.getMessage()), e);
        }
    }

    /** A primary file as stored, before any log replay: its base block and its size in bytes. */
    record StoredPrimary(BaseBlock baseBlock, long size) {
    }

    /** Reads the stored primary once: from the file, or from inside its image for an IMAGE:/path argument. */
    static StoredPrimary storedPrimary(Path argument) throws IOException {
        Optional<ImagePath> imagePath = ImagePath.parse(argument.toString());
        if (imagePath.isEmpty()) {
            try (HiveBytes raw = HiveBytes.open(argument)) {
                return new StoredPrimary(BaseBlock.read(raw, 0), raw.length());
            }
        }
        try (OpenedDisk disk = OpenedDisk.open(imagePath.get().image());
                HiveBytes raw = HiveBytes.open(disk.file(imagePath.get().inner(), null).file().open())) {
            return new StoredPrimary(BaseBlock.read(raw, 0), raw.length());
        }
    }

    /**
     * Loads a hive found in an open disk; with {@code ownsDisk} the hive closes the disk when it is closed.
     * Explicit --log files are loose files as always.
     */
    static LoadedHive load(OpenedDisk disk, OpenedDisk.ImageFile file, String display, LoadOptions options,
            boolean ownsDisk) throws IOException, HiveFormatException {
        ByteSource primary = new NamedSource(file.file().open(), display, ownsDisk ? disk : null);
        LogLocator logs = options.explicitLogs().isEmpty()
                ? LogLocator.siblings(file.name(), name -> siblingSource(file, name, display))
                : explicit(options.explicitLogs());
        return HiveLoader.open(primary, logs, options);
    }

    private static Optional<ByteSource> siblingSource(OpenedDisk.ImageFile file, String name, String display)
            throws IOException {
        Optional<NtfsFile> sibling = file.sibling(name);
        if (sibling.isEmpty()) {
            return Optional.empty();
        }
        String dir = display.substring(0, display.lastIndexOf('/') + 1);
        String stored = sibling.get().path().substring(sibling.get().path().lastIndexOf('/') + 1);
        return Optional.of(new NamedSource(sibling.get().open(), dir + stored, null));
    }

    private static LogLocator explicit(List<Path> logs) {
        return () -> {
            List<ByteSource> out = new ArrayList<>();
            for (Path log : logs) {
                out.add(FileByteSource.open(log));
            }
            return out;
        };
    }

    static void closeQuietly(OpenedDisk disk) {
        if (disk != null) {
            try {
                disk.close();
            } catch (IOException ignored) {
                // read-only image: nothing to lose
            }
        }
    }
}
