package org.hivescan.format;

import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hive-bins data as a space of cells: resolves a stored relative offset to a {@link Cell} only after checking
 * that it lies inside a bin, past the bin header, and that the cell's size is sane and ends inside the same bin
 * (cells never cross a bin end, §Cell). Structure parsers read their fields through this class.
 */
public final class CellSpace {
    private final HiveBytes bytes;
    private final BinMap bins;
    private final int minorVersion;
    private final long maxSteps;
    /** The operation running on each thread; see {@link #begin()}. */
    private final ThreadLocal<Operation> current = new ThreadLocal<>();
    /** Work done by reads outside any operation (the log replay and verifier run one thread each). */
    private final Operation unscoped;
    private final LongAdder finishedSteps = new LongAdder();
    /**
     * The operation last begun, read before the thread-local: one thread walking is the common case, and a field
     * read plus a thread check keep {@link #cell} small enough to be compiled early (most of a one-shot walk's
     * speed). Another thread's operation never matches, so a stale or racing value only costs the slow path.
     */
    private Operation lastBegun;

    /**
     * @param maxSteps how many cells one operation (a lookup, a walk, an export) may resolve: a work budget counted
     *     in steps, not seconds, so that no crafted structure can keep a reader busy without end, and per operation
     *     so that a healthy hive never stops answering because it was used a lot
     */
    public CellSpace(HiveBytes bytes, BinMap bins, int minorVersion, long maxSteps) {
        this.bytes = bytes;
        this.bins = bins;
        this.minorVersion = minorVersion;
        this.maxSteps = maxSteps;
        this.unscoped = new Operation(null);
    }

    /** What {@link #begin()} returns: ends the operation when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope JOINED = () -> { };

    /**
     * The budgets of one operation on one thread: cells resolved here, and counters the hive layer keeps (values
     * and value data handed out). Once a budget is spent, the operation keeps failing with the same exception: one
     * fact, reported once, and no new exception (and stack trace) for each of the thousands of reads a hostile hive
     * still asks for.
     */
    public final class Operation implements Scope {
        private long steps;
        private LimitExceededException stepsSpent;
        /** Free counters for the layer above, with the exception each threw once spent. */
        public long values;
        public long dataBytes;
        public LimitExceededException valuesSpent;
        public LimitExceededException dataSpent;

        /** The thread that runs it; null for the shared operation outside any scope. */
        private final Thread thread;

        private Operation(Thread thread) {
            this.thread = thread;
        }

        /** Ends the operation begun by {@link #begin()}. */
        @Override
        public void close() {
            finishedSteps.add(steps);
            current.remove();
            if (lastBegun == this) {
                lastBegun = null;
            }
        }
    }

    /**
     * Begins an operation on this thread with fresh budgets, or joins the one already running (a lookup inside a
     * walk counts against the walk). Use in try-with-resources.
     */
    public Scope begin() {
        Operation last = lastBegun;
        if (last != null && last.thread == Thread.currentThread() || current.get() != null) {
            return JOINED;
        }
        Operation op = new Operation(Thread.currentThread());
        current.set(op);
        lastBegun = op;
        return op;
    }

    /** The operation running on this thread, or the shared one for reads outside any. */
    public Operation operation() {
        Operation last = lastBegun;
        if (last != null && last.thread == Thread.currentThread()) {
            return last;
        }
        Operation running = current.get();
        return running != null ? running : unscoped;
    }

    /** How many cells have been resolved so far, over every operation (a work counter for tests and stats). */
    public long steps() {
        Operation running = current.get();
        return finishedSteps.sum() + unscoped.steps + (running != null ? running.steps : 0);
    }

    public HiveBytes bytes() {
        return bytes;
    }

    public BinMap bins() {
        return bins;
    }

    public String resource() {
        return bytes.resource();
    }

    public int minorVersion() {
        return minorVersion;
    }

    /**
     * Bytes before a cell's data. Hives of version 1.1 (Windows NT 3.1) put a 4-byte back-link after the size
     * and align cells to 16 bytes; later versions have only the size (§Cell).
     */
    public int cellHeader() {
        return minorVersion == 1 ? 8 : 4;
    }

    /**
     * Resolves the cell at a stored offset, which must be the start of an allocated or free cell. Every structure
     * of a walk passes through here, so the checks are kept to comparisons and the messages are built out of line
     * (a smaller method is compiled sooner, which is most of a one-shot walk's speed).
     */
    public Cell cell(long rel, String structure) throws HiveFormatException {
        Operation op = operation();
        if (++op.steps > maxSteps) {
            throw budgetSpent(op, rel, structure);
        }
        int index = bins.binIndexOf(rel);
        if (index < 0 || (rel & 7) != 0 || rel < bins.binStart(index) + HiveBin.HEADER_SIZE) {
            throw misplaced(rel, structure);
        }
        long file = Offsets.toFile(rel);
        int raw = bytes.readInt(file);
        int size = Math.abs(raw);
        int header = cellHeader();
        if (size < header + 4 || rel + size > bins.binEnd(index)) {
            throw badSize(rel, structure, raw, index);
        }
        return new Cell(rel, size, raw < 0, header);
    }

    private LimitExceededException budgetSpent(Operation op, long rel, String structure) {
        // Lenient callers report and go on, so a spent budget is met again and again: throw one exception rather
        // than build a new one (and its stack trace) each time.
        if (op.stepsSpent == null) {
            op.stepsSpent = new LimitExceededException(bytes.resource(), Offsets.toFile(rel), structure,
                    "work steps (cells resolved) in one operation", op.steps, maxSteps);
        }
        return op.stepsSpent;
    }

    /** Why an offset names no cell: outside the bins, unaligned, in no intact bin, or in a bin header. */
    private HiveFormatException misplaced(long rel, String structure) {
        long file = Offsets.toFile(rel);
        if (rel < 0 || rel >= bins.limit()) {
            return problem(file, structure, "offset " + Offsets.hex(rel)
                    + " points outside the hive-bins data (which ends at " + Offsets.hex(bins.limit()) + ")");
        }
        if ((rel & 7) != 0) {
            return problem(file, structure, "offset " + Offsets.hex(rel) + " is not 8-byte aligned, so it is no cell");
        }
        if (bins.binIndexOf(rel) < 0) {
            return problem(file, structure, "offset " + Offsets.hex(rel) + " lies in no intact hive bin");
        }
        return problem(file, structure, "offset " + Offsets.hex(rel) + " points into a hive bin header");
    }

    private HiveFormatException badSize(long rel, String structure, int raw, int index) {
        long file = Offsets.toFile(rel);
        if (raw == 0 || raw == Integer.MIN_VALUE) {
            return problem(file, structure + " cell size", "expected a non-zero size, found 0x"
                    + Integer.toHexString(raw));
        }
        long end = bins.binEnd(index);
        return problem(file, structure + " cell size", "expected " + (cellHeader() + 4) + " to " + (end - rel)
                + " bytes (the cell must end inside its bin at " + Offsets.hex(Offsets.toFile(end)) + "), found "
                + Math.abs(raw));
    }

    /** Like {@link #cell} but also requires the cell to hold at least {@code minData} bytes. */
    public Cell cell(long rel, String structure, int minData) throws HiveFormatException {
        Cell cell = cell(rel, structure);
        if (cell.dataSize() < minData) {
            throw problem(cell.dataFileOffset(), structure, "expected a cell of at least " + minData
                    + " data bytes, found " + cell.dataSize());
        }
        return cell;
    }

    public HiveFormatException problem(long fileOffset, String structure, String what) {
        return new HiveFormatException(bytes.resource(), fileOffset, structure, what);
    }

    /** Reads the two-byte ASCII signature at the start of a cell's data. */
    public int signature(Cell cell) throws HiveFormatException {
        return bytes.readUnsignedShort(cell.dataFileOffset());
    }

    public static int signature(char a, char b) {
        return a | b << 8;
    }

    public static String signatureText(int sig) {
        char a = (char) (sig & 0xFF);
        char b = (char) (sig >>> 8);
        if (a >= 0x20 && a < 0x7F && b >= 0x20 && b < 0x7F) {
            return "\"" + a + b + "\"";
        }
        return String.format("0x%04X", sig);
    }

    private HiveFormatException wrongSignature(Cell cell, int expected, int found, String structure) {
        return problem(cell.dataFileOffset(), structure + " signature",
                "expected " + signatureText(expected) + ", found " + signatureText(found));
    }

    /** Checks a cell's signature and says which was expected and which was found. */
    public void expectSignature(Cell cell, int expected, String structure) throws HiveFormatException {
        int found = signature(cell);
        if (found != expected) {
            throw wrongSignature(cell, expected, found, structure);
        }
    }
}
