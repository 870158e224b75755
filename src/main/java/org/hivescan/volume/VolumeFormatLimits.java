package org.hivescan.volume;

/**
 * Memory and step limits on sizes and counts read from a volume, checked before anything is allocated or
 * followed. Each is far above what Windows writes (NTFS itself caps clusters at 2 MiB and records at 64 KiB) and
 * low enough that a hostile image cannot exhaust memory or loop for long.
 */
final class VolumeFormatLimits {
    static final int MAX_CLUSTER_SIZE = 2 << 20;
    static final int MAX_RECORD_SIZE = 64 << 10;
    static final int MAX_ATTRIBUTE_LIST_BYTES = 4 << 20;
    static final int MAX_EXTENSION_RECORDS = 4096;
    static final int MAX_RUNS = 1 << 20;
    static final int MAX_INDEX_NODES = 1 << 16;
    static final int MAX_PATH_DEPTH = 64;
    static final int UPCASE_BYTES = 65536 * 2;

    private VolumeFormatLimits() {
    }
}
