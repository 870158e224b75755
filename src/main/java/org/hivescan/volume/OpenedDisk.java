package org.hivescan.volume;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ByteSource;
import org.hivescan.container.DiskImage;
import org.hivescan.container.DiskImages;

/**
 * A disk image opened for reading files out of it: the container (raw, VHD, VHDX, VMDK, QCOW2, E01), its partition
 * table and volumes, and the Windows installations found. Closing it closes the image files; every byte source
 * handed out reads through them, so they must not be used afterwards.
 */
public final class OpenedDisk implements Closeable {
    private final DiskImage image;
    private final DiskLayout layout;

    private OpenedDisk(DiskImage image, DiskLayout layout) {
        this.image = image;
        this.layout = layout;
    }

    public static OpenedDisk open(Path file) throws IOException {
        return scan(DiskImages.open(file));
    }

    /**
     * Opens an image read through a byte source (a file with no local path), taking the source over; only
     * single-file images ({@link DiskImages#open(ByteSource)}).
     */
    public static OpenedDisk open(ByteSource file) throws IOException {
        return scan(DiskImages.open(file));
    }

    private static OpenedDisk scan(DiskImage image) throws IOException {
        try {
            return new OpenedDisk(image, DiskLayout.scan(image.disk()));
        } catch (IOException | RuntimeException | Error e) {
            try {
                image.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public DiskImage image() {
        return image;
    }

    public DiskLayout layout() {
        return layout;
    }

    /** Bytes read from the image file(s) so far. */
    public long bytesFetched() {
        return image.disk().bytesFetched();
    }

    /**
     * The file at {@code path} inside the image: on partition {@code partition} when given, else on the first NTFS
     * volume (in table order) that has it. Names match case-insensitively.
     */
    public ImageFile file(String path, Integer partition) throws IOException {
        List<String> looked = new ArrayList<>();
        for (VolumeInfo v : layout.volumes()) {
            if (partition != null && v.partition().index() != partition) {
                continue;
            }
            if (!v.problem().isEmpty()) {
                if (partition != null) {
                    throw new VolumeFormatException(image.disk().name(), v.partition().start(), "partition "
                            + partition, v.problem());
                }
                continue;
            }
            if (!v.fileSystem().equals("NTFS")) {
                looked.add("partition " + v.partition().index() + " is not NTFS");
                continue;
            }
            NtfsVolume volume = volumeOf(v.partition());
            Optional<NtfsFile> found = volume.find(path);
            if (found.isPresent() && !found.get().isDirectory()) {
                return new ImageFile(v.partition(), volume, found.get());
            }
            looked.add("not on partition " + v.partition().index());
        }
        if (partition != null && looked.isEmpty()) {
            throw new NoSuchFileException(image.disk().name(), null, "no partition " + partition + " in the image");
        }
        throw new NoSuchFileException(image.disk().name() + ":" + path, null, "no such file in the image ("
                + String.join(", ", looked) + ")");
    }

    private NtfsVolume volumeOf(Partition p) throws IOException {
        for (WindowsInstallation w : layout.windows()) {
            if (w.partition().index() == p.index()) {
                return w.volume();
            }
        }
        ByteSource disk = image.disk();
        return NtfsVolume.open(new SliceSource(disk, p.start(), p.length(), disk.name()), disk.name(), p.start());
    }

    @Override
    public void close() throws IOException {
        image.close();
    }

    /**
     * A file found in the image.
     *
     * @param partition where it lives
     * @param volume    the volume, to find files beside it
     * @param file      the NTFS file
     */
    public record ImageFile(Partition partition, NtfsVolume volume, NtfsFile file) {

        /** The file beside this one named {@code name} (case-insensitive), if there is one. */
        public Optional<NtfsFile> sibling(String name) throws IOException {
            String path = file.path();
            String dir = path.substring(0, Math.max(0, path.lastIndexOf('/')));
            Optional<NtfsFile> found = volume.find(dir + "/" + name);
            return found.filter(f -> !f.isDirectory());
        }

        /** The file name as stored on the volume. */
        public String name() {
            return file.path().substring(file.path().lastIndexOf('/') + 1);
        }
    }
}
