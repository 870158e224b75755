package org.hivescan.volume;

import java.util.List;

/**
 * The partitions of a disk in table order.
 *
 * @param scheme     MBR, GPT, or NONE when the disk starts with a volume boot sector
 * @param sectorSize the logical sector size the table was found with (512, or 4096 for a 4Kn GPT disk)
 * @param diskId     the MBR disk signature as 8 hex digits or the GPT disk GUID; "" when there is none
 */
public record PartitionTable(PartitionScheme scheme, int sectorSize, String diskId, List<Partition> partitions) {
    public PartitionTable {
        partitions = List.copyOf(partitions);
    }
}
