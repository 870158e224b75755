package org.hivescan.container;

/** Caps on sizes read from an image before anything is allocated from them. */
final class Limits {
    /** The largest table (BAT, L1, grain directory, chunk table) held in memory at once. */
    static final long MAX_TABLE_BYTES = 64L << 20;
    /** The largest unit fetched or inflated at once (a grain, a cluster, a chunk, a VHD/VHDX block is never read whole). */
    static final int MAX_UNIT_BYTES = 2 << 20;
    /** Decompressed grains, clusters and chunks and decoded second-level tables kept per image. */
    static final long CACHE_BYTES = 32L << 20;
    /** A descriptor file or embedded descriptor larger than this is not a VMDK descriptor. */
    static final int MAX_DESCRIPTOR_BYTES = 1 << 20;
    /** Segment files of one split raw or E01 image. */
    static final int MAX_SEGMENTS = 100_000;
    /** Sections walked in one E01 segment file. */
    static final int MAX_SECTIONS = 1_000_000;

    private Limits() {
    }

    /** Checks a size read from {@code file} at {@code offset} against {@code limit} and returns it as an int. */
    static int checkedSize(ImageFile file, long offset, String structure, long found, long limit)
            throws ImageFormatException {
        if (found < 0 || found > limit) {
            throw new ImageFormatException(file.name(), offset, structure,
                    "expected at most " + limit + ", found " + Long.toUnsignedString(found));
        }
        return (int) found;
    }
}
