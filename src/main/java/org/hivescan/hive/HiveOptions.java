package org.hivescan.hive;

/**
 * How a hive is read.
 *
 * @param strict stop at the first problem instead of reporting it and reading on
 * @param maxValueBytes refuse to materialise a value's data above this size
 * @param maxKeyDepth the deepest key path followed
 * @param maxDiagnostics how many problems are kept in full; later ones are only counted
 */
public record HiveOptions(boolean strict, int maxValueBytes, int maxKeyDepth, int maxDiagnostics) {
    public static final int DEFAULT_MAX_VALUE_BYTES = 64 << 20;
    public static final int DEFAULT_MAX_KEY_DEPTH = 512;

    public static HiveOptions lenient() {
        return new HiveOptions(false, DEFAULT_MAX_VALUE_BYTES, DEFAULT_MAX_KEY_DEPTH, 1000);
    }

    public static HiveOptions strictOptions() {
        return new HiveOptions(true, DEFAULT_MAX_VALUE_BYTES, DEFAULT_MAX_KEY_DEPTH, 1000);
    }

    public HiveOptions withStrict(boolean value) {
        return new HiveOptions(value, maxValueBytes, maxKeyDepth, maxDiagnostics);
    }

    public HiveOptions withMaxValueBytes(int value) {
        return new HiveOptions(strict, value, maxKeyDepth, maxDiagnostics);
    }
}
