package org.hivescan.volume;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hivescan.bytes.ByteSource;

/**
 * A disk's partition table, what each partition holds, and the Windows installations on it: every NTFS volume
 * with {@code Windows\System32\config\SYSTEM} or {@code SOFTWARE}. Names are matched case-insensitively, as
 * Windows does, so {@code system.LOG1} is found beside {@code SYSTEM}.
 */
public record DiskLayout(PartitionTable table, List<VolumeInfo> volumes, List<WindowsInstallation> windows) {
    public static final String CONFIG_DIR = "/Windows/System32/config";
    private static final Set<String> HIVES = Set.of("SYSTEM", "SOFTWARE", "SAM", "SECURITY", "DEFAULT");

    public DiskLayout {
        volumes = List.copyOf(volumes);
        windows = List.copyOf(windows);
    }

    /**
     * Reads the table and looks into every partition. A partition whose NTFS volume is refused or damaged is
     * reported in {@link VolumeInfo#problem()} rather than stopping the scan, so one broken recovery partition
     * does not hide the Windows volume beside it.
     */
    public static DiskLayout scan(ByteSource disk) throws IOException {
        PartitionTable table = PartitionTables.read(disk);
        List<VolumeInfo> volumes = new ArrayList<>();
        List<WindowsInstallation> windows = new ArrayList<>();
        for (Partition p : table.partitions()) {
            SliceSource slice = new SliceSource(disk, p.start(), p.length(), disk.name());
            String fs = NtfsVolume.fileSystemOf(slice);
            if (!fs.equals("NTFS")) {
                volumes.add(new VolumeInfo(p, fs, "", fs.equals("BitLocker") ? "volume is BitLocker-encrypted"
                        : ""));
                continue;
            }
            try {
                NtfsVolume volume = NtfsVolume.open(slice, disk.name(), p.start());
                volumes.add(new VolumeInfo(p, fs, volume.label(), ""));
                installation(p, volume).ifPresent(windows::add);
            } catch (VolumeFormatException e) {
                volumes.add(new VolumeInfo(p, fs, "", e.getMessage()));
            }
        }
        return new DiskLayout(table, volumes, windows);
    }

    /** The Windows installation on partition {@code index}, if there is one. */
    public Optional<WindowsInstallation> windowsOn(int index) {
        return windows.stream().filter(w -> w.partition().index() == index).findFirst();
    }

    private static Optional<WindowsInstallation> installation(Partition p, NtfsVolume volume) throws IOException {
        Optional<NtfsFile> config = volume.find(CONFIG_DIR);
        if (config.isEmpty() || !config.get().isDirectory()) {
            return Optional.empty();
        }
        List<WindowsInstallation.HiveFile> files = new ArrayList<>();
        boolean hasSystemOrSoftware = false;
        for (String name : volume.list(config.get())) {
            String upper = name.toUpperCase(Locale.ROOT);
            String stem = upper.replaceFirst("\\.LOG[12]?$", "");
            if (!HIVES.contains(stem)) {
                continue;
            }
            NtfsFile file = volume.file(CONFIG_DIR + "/" + name);
            if (file.isDirectory()) {
                continue;
            }
            files.add(new WindowsInstallation.HiveFile(name, CONFIG_DIR + "/" + name, file.size(), file));
            hasSystemOrSoftware |= upper.equals("SYSTEM") || upper.equals("SOFTWARE");
        }
        return hasSystemOrSoftware ? Optional.of(new WindowsInstallation(p, volume, CONFIG_DIR, files))
                : Optional.empty();
    }
}
