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

    /**
     * How much one walk may hand its visitor: path and name characters plus 16 per key and per value. Real hives
     * weigh under 2 x their bins (1.8 at most in the shared corpus, counting their data too); hostile ones with
     * shared lists are stopped here before their listing outgrows the file by more than a small factor (issue 5).
     */
    public static long walkWeightBudget(long binBytes) {
        return 4 * binBytes + 2_000_000L;
    }

    /**
     * How many value keys a hive may read over its life. A value key needs a cell of at least 24 bytes, so a file
     * holds at most bins / 24 of them; each may be read twice, and lookups get a fixed allowance on top (the whole
     * test suite, audit included, passes with none). Shared value lists could otherwise make a 24 KiB hive hand out
     * a million values, and every unreadable one costs an exception (issue 5).
     */
    public static long valueBudget(long binBytes) {
        return binBytes / 24 * 2 + 2_000L;
    }

    /**
     * How many bytes of value data a hive may hand out over its life: all of it four times, plus an allowance for
     * lookups. Each value is at most the size of the bins, but value keys that share one data cell could otherwise
     * hand out the same bytes without end (issue 5).
     */
    public static long dataBudget(long binBytes) {
        return 4 * binBytes + (256L << 10);
    }
}
