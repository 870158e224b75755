package org.hivescan.hive;

/**
 * How a hive is read.
 *
 * @param strict stop at the first problem instead of reporting it and reading on
 * @param maxValueBytes refuse to materialise a value's data above this size
 * @param maxKeyDepth the deepest key path followed
 * @param maxDiagnostics how many problems are kept in full; later ones are only counted
 * @param stepsPerCell the work budget: cells may be resolved this many times per cell the file could hold
 *     (its bin bytes / 8), plus a fixed allowance for lookups; see {@link org.hivescan.format.CellSpace}
 */
public record HiveOptions(boolean strict, int maxValueBytes, int maxKeyDepth, int maxDiagnostics,
        int stepsPerCell) {
    public static final int DEFAULT_STEPS_PER_CELL = 64;
    public static final long FIXED_STEP_ALLOWANCE = 10_000_000L;
    public static final int DEFAULT_MAX_VALUE_BYTES = 64 << 20;
    public static final int DEFAULT_MAX_KEY_DEPTH = 512;

    public static HiveOptions lenient() {
        return new HiveOptions(false, DEFAULT_MAX_VALUE_BYTES, DEFAULT_MAX_KEY_DEPTH, 1000, DEFAULT_STEPS_PER_CELL);
    }

    public static HiveOptions strictOptions() {
        return lenient().withStrict(true);
    }

    public HiveOptions withStrict(boolean value) {
        return new HiveOptions(value, maxValueBytes, maxKeyDepth, maxDiagnostics, stepsPerCell);
    }

    public HiveOptions withMaxValueBytes(int value) {
        return new HiveOptions(strict, value, maxKeyDepth, maxDiagnostics, stepsPerCell);
    }

    public HiveOptions withStepsPerCell(int value) {
        return new HiveOptions(strict, maxValueBytes, maxKeyDepth, maxDiagnostics, value);
    }

    /** The step budget for a hive whose bins span {@code binBytes}. */
    public long stepBudget(long binBytes) {
        return FIXED_STEP_ALLOWANCE + binBytes / 8 * stepsPerCell;
    }
}
