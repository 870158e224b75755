package org.hivescan.volume;

/** How a disk is divided: a DOS/MBR table, a GUID partition table, or none (the whole disk is one volume). */
public enum PartitionScheme {
    MBR, GPT, NONE
}
