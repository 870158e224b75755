package org.hivescan.report;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Lines (without their LF) written out in unsigned byte order, with bounded memory: lines are gathered up to a
 * budget, and each full batch is sorted and spilled to a temporary file; at the end the runs are merged. A small
 * hive never touches the disk; a large one needs heap for one batch, not for its whole listing (a 295 MB hive
 * lists about 700 MB). Temporary files (owner-only, as {@link Files#createTempFile} makes them) go to
 * {@code java.io.tmpdir}, never beside the input, and are deleted on close. Lines must not contain LF; the
 * canonical listing's escaping guarantees that.
 */
final class SortedLines implements Closeable {
    /** What a line costs in the heap beyond its bytes: the array header and the list slot. */
    private static final int LINE_OVERHEAD = 24;

    private long budget;
    private final List<byte[]> batch = new ArrayList<>();
    private long batchBytes;
    private final List<Path> runs = new ArrayList<>();

    /** @param budget bytes of lines held in memory before a sorted run is spilled to disk */
    SortedLines(long budget) {
        this.budget = budget;
    }

    /** The default budget: an eighth of the heap, at least 8 MiB. */
    static long defaultBudget() {
        return Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    void add(byte[] line) throws IOException {
        batch.add(line);
        batchBytes += line.length + LINE_OVERHEAD;
        if (batchBytes >= budget) {
            spill();
        }
    }

    /** How many sorted runs went to disk so far (0 while everything fits in the budget). */
    int runCount() {
        return runs.size();
    }

    /**
     * Sorts the batch and writes it as a run. Where no temporary file can be written, the batch stays in memory and
     * no further spill is tried: the listing then needs the heap it always did, rather than failing outright.
     */
    private void spill() throws IOException {
        batch.sort(Arrays::compareUnsigned);
        Path run;
        try {
            run = Files.createTempFile("hivescan-sort-", ".run");
        } catch (IOException | SecurityException e) {
            budget = Long.MAX_VALUE;
            return;
        }
        // A run holds registry content: removed on close, and at exit should an interrupt (Ctrl-C) skip the close.
        run.toFile().deleteOnExit();
        runs.add(run);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
            writeLines(batch, out);
        } catch (IOException e) {
            runs.remove(run);
            Files.deleteIfExists(run);
            budget = Long.MAX_VALUE;
            return;
        }
        batch.clear();
        batchBytes = 0;
    }

    private static void writeLines(List<byte[]> lines, OutputStream out) throws IOException {
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
    }

    /** Writes every line added, each followed by LF, in unsigned byte order. */
    void writeTo(OutputStream out) throws IOException {
        batch.sort(Arrays::compareUnsigned);
        if (runs.isEmpty()) {
            writeLines(batch, out);
            return;
        }
        List<RunReader> readers = new ArrayList<>();
        try {
            PriorityQueue<RunReader> heads = new PriorityQueue<>((a, b) -> Arrays.compareUnsigned(a.head, b.head));
            for (Path run : runs) {
                RunReader r = new RunReader(Files.newInputStream(run));
                readers.add(r);
                r.enqueueIfMore(heads);
            }
            RunReader memory = new RunReader(batch);
            memory.enqueueIfMore(heads);
            while (!heads.isEmpty()) {
                RunReader smallest = heads.poll();
                out.write(smallest.head);
                out.write('\n');
                smallest.enqueueIfMore(heads);
            }
        } finally {
            for (RunReader r : readers) {
                r.close();
            }
        }
    }

    /** Deletes the runs. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        runs.clear();
        if (first != null) {
            throw first;
        }
    }

    /** The next line of one sorted run, from a spilled file or from the batch still in memory. */
    private static final class RunReader implements Closeable {
        private final InputStream in;
        private final List<byte[]> memory;
        private int memoryNext;
        private final byte[] chunk = new byte[1 << 16];
        private int position;
        private int limit;
        /** Where a line is assembled when it spans chunks. */
        private byte[] line = new byte[256];
        byte[] head;

        RunReader(InputStream in) {
            this.in = in;
            this.memory = null;
        }

        RunReader(List<byte[]> memory) {
            this.in = null;
            this.memory = memory;
        }

        void enqueueIfMore(PriorityQueue<RunReader> heads) throws IOException {
            head = memory != null ? (memoryNext < memory.size() ? memory.get(memoryNext++) : null) : readLine();
            if (head != null) {
                heads.add(this);
            }
        }

        /** The next line of a spilled run, read through this reader's own buffer (no per-byte calls). */
        private byte[] readLine() throws IOException {
            int length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(chunk, 0, chunk.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (length == 0) {
                            return null;
                        }
                        throw new IOException("sort run ends inside a line (temporary file damaged?)");
                    }
                }
                int start = position;
                while (position < limit && chunk[position] != '\n') {
                    position++;
                }
                int n = position - start;
                if (length + n > line.length) {
                    line = Arrays.copyOf(line, Math.max(2 * line.length, length + n));
                }
                System.arraycopy(chunk, start, line, length, n);
                length += n;
                if (position < limit) {
                    position++; // the LF
                    return Arrays.copyOf(line, length);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
