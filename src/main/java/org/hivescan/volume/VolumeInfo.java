package org.hivescan.volume;

/**
 * What one partition holds, for reports.
 *
 * @param partition  the table entry
 * @param fileSystem "NTFS", "BitLocker", "FAT32", "FAT", or "" when unrecognised
 * @param label      the NTFS volume label, "" otherwise
 * @param problem    why an NTFS volume could not be opened (refused or damaged), "" when it opened
 */
public record VolumeInfo(Partition partition, String fileSystem, String label, String problem) {

    public boolean bitLocker() {
        return fileSystem.equals("BitLocker");
    }
}
