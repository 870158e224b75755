package org.hivescan.volume;

import java.nio.charset.StandardCharsets;

/**
 * The NTFS boot sector's BIOS parameter block ("NTFS    " OEM id; Linux-NTFS documentation, "Boot sector"):
 * the geometry every other offset is computed from. Validated on construction.
 */
record BootSector(int bytesPerSector, int clusterSize, long totalSectors, long mftLcn, int recordSize,
        int indexRecordSize, long serialNumber) {

    static BootSector parse(byte[] b, String resource, long diskOffset) throws VolumeFormatException {
        String oem = new String(b, 3, 8, StandardCharsets.US_ASCII);
        if (oem.equals(NtfsVolume.BITLOCKER_OEM)) {
            throw new UnsupportedVolumeException(resource, diskOffset + 3, "NTFS boot sector",
                    "OEM id \"-FVE-FS-\": volume is BitLocker-encrypted; decrypt it (manage-bde -off) or give a "
                            + "decrypted image");
        }
        if (!oem.equals(NtfsVolume.NTFS_OEM)) {
            throw new VolumeFormatException(resource, diskOffset + 3, "NTFS boot sector",
                    "OEM id: expected \"NTFS    \", found \"" + oem.replaceAll("[^\\x20-\\x7E]", "?") + "\"");
        }
        int bytesPerSector = Le.u16(b, 11);
        if (bytesPerSector < 256 || bytesPerSector > 4096 || Integer.bitCount(bytesPerSector) != 1) {
            throw bad(resource, diskOffset + 11, "bytes per sector: expected a power of two 256..4096, found "
                    + bytesPerSector);
        }
        int spc = Le.u8(b, 13);
        long clusterSize = spc <= 0x80 ? (long) spc * bytesPerSector : (long) bytesPerSector << (256 - spc);
        if (clusterSize == 0 || clusterSize > VolumeFormatLimits.MAX_CLUSTER_SIZE) {
            throw bad(resource, diskOffset + 13, "sectors per cluster: expected a cluster of at most 2 MiB, found "
                    + "code 0x" + Integer.toHexString(spc));
        }
        long totalSectors = Le.s64(b, 40);
        long mftLcn = Le.s64(b, 48);
        if (totalSectors <= 0 || totalSectors > Long.MAX_VALUE / bytesPerSector) {
            throw bad(resource, diskOffset + 40, "total sectors: expected a positive count, found "
                    + Long.toUnsignedString(totalSectors));
        }
        long clusters = totalSectors * bytesPerSector / clusterSize;
        if (mftLcn <= 0 || mftLcn >= clusters) {
            throw bad(resource, diskOffset + 48, "$MFT cluster: expected 1.." + (clusters - 1) + ", found "
                    + Long.toUnsignedString(mftLcn));
        }
        int recordSize = recordSize(b, 64, clusterSize, resource, diskOffset, "clusters per MFT record");
        int indexSize = recordSize(b, 68, clusterSize, resource, diskOffset, "clusters per index record");
        return new BootSector(bytesPerSector, (int) clusterSize, totalSectors, mftLcn, recordSize, indexSize,
                Le.s64(b, 72));
    }

    /** A positive code counts clusters; a negative one n means 2^-n bytes. */
    private static int recordSize(byte[] b, int at, long clusterSize, String resource, long diskOffset, String field)
            throws VolumeFormatException {
        int code = b[at];
        long size = code > 0 ? code * clusterSize : code < 0 && code >= -31 ? 1L << -code : 0;
        if (size < 256 || size > VolumeFormatLimits.MAX_RECORD_SIZE || Long.bitCount(size) != 1) {
            throw bad(resource, diskOffset + at, field + ": expected a record of 256 bytes..64 KiB, found code "
                    + code);
        }
        return (int) size;
    }

    long volumeSize() {
        return totalSectors * bytesPerSector;
    }

    long clusterCount() {
        return volumeSize() / clusterSize;
    }

    private static VolumeFormatException bad(String resource, long offset, String problem) {
        return new VolumeFormatException(resource, offset, "NTFS boot sector", problem);
    }
}
