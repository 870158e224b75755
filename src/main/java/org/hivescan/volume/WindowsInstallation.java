package org.hivescan.volume;

import java.util.List;
import java.util.Optional;

/**
 * An NTFS volume holding {@code Windows\System32\config\SYSTEM} or {@code SOFTWARE}: one Windows installation.
 *
 * @param partition the partition it lives on
 * @param volume    the opened volume, to read further files
 * @param configDir the path of the config folder as stored on the volume
 * @param files     every hive and transaction log found in the folder (names as stored)
 */
public record WindowsInstallation(Partition partition, NtfsVolume volume, String configDir, List<HiveFile> files) {

    public WindowsInstallation {
        files = List.copyOf(files);
    }

    /**
     * A file of the config folder.
     *
     * @param name the name as stored on the volume (its case may differ from "SYSTEM")
     * @param path the path inside the volume
     * @param size the file size in bytes
     * @param file the NTFS file
     */
    public record HiveFile(String name, String path, long size, NtfsFile file) {
        /** Whether this is a transaction log (.LOG, .LOG1, .LOG2) rather than a hive. */
        public boolean isLog() {
            return name.toUpperCase(java.util.Locale.ROOT).matches(".*\\.LOG[12]?");
        }
    }

    /** The file named {@code name}, matched case-insensitively. */
    public Optional<HiveFile> file(String name) {
        return files.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The logs beside hive {@code hive} ({@code SYSTEM.LOG1}, {@code system.LOG2}, ...), LOG1 first. */
    public List<HiveFile> logsOf(String hive) {
        return files.stream().filter(f -> f.isLog() && f.name().toUpperCase(java.util.Locale.ROOT).startsWith(
                hive.toUpperCase(java.util.Locale.ROOT) + ".LOG")).sorted(java.util.Comparator.comparing(
                        f -> f.name().toUpperCase(java.util.Locale.ROOT))).toList();
    }
}
