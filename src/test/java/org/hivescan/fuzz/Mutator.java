package org.hivescan.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structure-aware mutations of a primary hive (issue 5): bit flips and byte sets at cell headers, offsets, counts
 * and sizes; truncation; offsets redirected to another cell, to their own cell or to a parent; inflated counts;
 * a damaged base block and bin headers. One to four mutations are stacked per mutant, and the base-block checksum
 * is usually repaired afterwards, since a wrong checksum sends the reader down its "dirty hive" path and would
 * otherwise hide every deeper mutation behind it. Logs are mutated by {@link LogMutator}.
 */
final class Mutator {
    /** Values at the edges of signed and unsigned 32-bit arithmetic and of the cell and bin alignment. */
    private static final long[] EDGE_32 = {0, 1, 4, 7, 8, 0x7F, 0x80, 0xFF, 0x100, 0xFFF, 0x1000, 0x3FD8, 0x3FD9,
        0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFF_FFF8L, 0x7FFF_FFFFL, 0x8000_0000L, 0x8000_0004L, 0x8000_0005L,
        0xFFFF_F000L, 0xFFFF_FFF8L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
    private static final long[] EDGE_16 = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x1000, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};

    /** The record signatures of §Cell's table: swapping one for another makes a reader misread a cell's kind. */
    private static final String[] SIGNATURES = {"nk", "vk", "sk", "db", "li", "lf", "lh", "ri"};

    enum Op {
        BIT_FLIP, SET_EDGE, REDIRECT, INFLATE_COUNT, TRUNCATE, BASE_BLOCK, BIN_HEADER, CELL_SIZE, RANDOM_BYTES,
        SWAP_SIGNATURE, SPLICE_CELL, VERSION
    }

    private static final Op[] WEIGHTED = weighted(new Object[] {Op.BIT_FLIP, 16, Op.SET_EDGE, 16, Op.REDIRECT, 18,
        Op.INFLATE_COUNT, 9, Op.TRUNCATE, 5, Op.BASE_BLOCK, 6, Op.BIN_HEADER, 4, Op.CELL_SIZE, 9,
        Op.RANDOM_BYTES, 5, Op.SWAP_SIGNATURE, 5, Op.SPLICE_CELL, 4, Op.VERSION, 3});

    private final HiveLayout layout;
    private final SplittableRandom rng;
    private byte[] image;
    private final List<String> notes = new ArrayList<>();

    private Mutator(HiveLayout layout, byte[] seed, SplittableRandom rng) {
        this.layout = layout;
        this.image = seed.clone();
        this.rng = rng;
    }

    /** A mutant of a primary seed, with a note of every change for the failure report. */
    static Mutant mutate(Seed seed, SplittableRandom rng) {
        Mutator m = new Mutator(seed.hiveLayout(), seed.bytes(), rng);
        int count = 1;
        while (count < 4 && rng.nextInt(2) == 0) {
            count++;
        }
        for (int i = 0; i < count; i++) {
            m.apply(m.pickOp());
        }
        if (m.image.length >= 512 && rng.nextInt(10) < 7) {
            m.fixChecksum();
        }
        return new Mutant(seed, m.image, String.join("; ", m.notes));
    }

    private Op pickOp() {
        if (layout.fields().size() == 0) {
            // Not a hive (or no structure survived): only blind changes make sense.
            return rng.nextBoolean() ? Op.RANDOM_BYTES : Op.TRUNCATE;
        }
        return WEIGHTED[rng.nextInt(WEIGHTED.length)];
    }

    private void apply(Op op) {
        switch (op) {
            case BIT_FLIP -> bitFlip(anyField());
            case SET_EDGE -> setEdge(anyField());
            case REDIRECT -> redirect();
            case INFLATE_COUNT -> inflateCount();
            case TRUNCATE -> truncate();
            case BASE_BLOCK -> setEdge(fieldOf(FieldKind.BASE_BLOCK));
            case BIN_HEADER -> setEdge(fieldOf(FieldKind.BIN_HEADER));
            case CELL_SIZE -> cellSize();
            case RANDOM_BYTES -> randomBytes();
            case SWAP_SIGNATURE -> swapSignature();
            case SPLICE_CELL -> spliceCell();
            case VERSION -> version();
            default -> throw new IllegalStateException(op.name());
        }
    }

    private int anyField() {
        return rng.nextInt(layout.fields().size());
    }

    /** A field of the wanted kind, or any field when the seed has none of that kind. */
    private int fieldOf(FieldKind kind) {
        int[] of = layout.fields().indexesOf(kind);
        return of.length == 0 ? anyField() : of[rng.nextInt(of.length)];
    }

    private void bitFlip(int field) {
        FieldTable f = layout.fields();
        long at = f.at(field) + rng.nextInt(f.width(field));
        if (at < image.length) {
            int bit = rng.nextInt(8);
            image[(int) at] ^= (byte) (1 << bit);
            notes.add(String.format("flip bit %d at 0x%X (%s)", bit, at, f.kind(field)));
        }
    }

    private void setEdge(int field) {
        FieldTable f = layout.fields();
        int width = Math.min(f.width(field), 4);
        long value = width == 2 ? EDGE_16[rng.nextInt(EDGE_16.length)] : edge32();
        write(f.at(field), width, value, f.kind(field) + " edge value");
    }

    private long edge32() {
        long bins = Math.max(0, image.length - HiveLayout.BINS_START);
        return switch (rng.nextInt(6)) {
            case 0 -> bins;
            case 1 -> bins - 8;
            case 2 -> rng.nextLong() & 0xFFFF_FFFFL;
            default -> EDGE_32[rng.nextInt(EDGE_32.length)];
        };
    }

    /** Points an offset at another cell, at the cell holding it, at its key or that key's parent, or at the root. */
    private void redirect() {
        int field = fieldOf(FieldKind.OFFSET);
        FieldTable f = layout.fields();
        long holder = f.cell(field);
        long owner = holder < 0 ? -1 : layout.ownerOf(holder);
        String why;
        long target;
        switch (rng.nextInt(6)) {
            case 0 -> {
                why = "itself";
                target = holder;
            }
            case 1 -> {
                why = "its key";
                target = owner;
            }
            case 2 -> {
                why = "its key's parent";
                target = owner < 0 ? -1 : layout.parentOf(owner);
            }
            case 3 -> {
                why = "the root";
                target = layout.root();
            }
            case 4 -> {
                why = "a key node";
                target = pick(layout.keyNodes());
            }
            default -> {
                why = "another cell";
                target = pick(layout.cells());
            }
        }
        if (target < 0) {
            target = pick(layout.cells());
            why = "another cell";
        }
        write(f.at(field), 4, target, "offset -> " + why);
    }

    private long pick(List<Long> from) {
        return from.isEmpty() ? 0xFFFF_FFFFL : from.get(rng.nextInt(from.size()));
    }

    private void inflateCount() {
        int field = fieldOf(FieldKind.COUNT);
        FieldTable f = layout.fields();
        int width = Math.min(f.width(field), 4);
        long old = read(f.at(field), width);
        long max = width == 2 ? 0xFFFF : 0xFFFF_FFFFL;
        long value = switch (rng.nextInt(5)) {
            case 0 -> old + 1;
            case 1 -> old * 2 + 1;
            case 2 -> old + 1 + rng.nextInt(64);
            case 3 -> max;
            default -> max >>> 1;
        };
        write(f.at(field), width, Math.min(value, max), "count inflated from " + old);
    }

    /** Cell sizes that are zero, the most negative int, flipped in sign, or that run past their bin. */
    private void cellSize() {
        int field = fieldOf(FieldKind.CELL_SIZE);
        FieldTable f = layout.fields();
        long at = f.at(field);
        int old = (int) read(at, 4);
        long[] choices = {0, 0x8000_0000L, -old, old - 8, old + 8, -(Math.abs((long) old) * 2), 0x7FFF_FFF8L,
            -0x7FFF_FFF8L, -8, 4, -(4096L + rng.nextInt(4096) * 8L)};
        write(at, 4, choices[rng.nextInt(choices.length)], "cell size (was " + old + ")");
    }

    /** Cuts the file, mostly at a structure boundary (a cell start, a bin end) or inside the base block. */
    private void truncate() {
        int length = switch (rng.nextInt(4)) {
            case 0 -> (int) (HiveLayout.BINS_START + pick(layout.cells()) + rng.nextInt(8));
            case 1 -> rng.nextInt(Math.min(image.length, HiveLayout.BINS_START) + 1);
            case 2 -> binEdge();
            default -> rng.nextInt(image.length + 1);
        };
        length = Math.max(0, Math.min(length, image.length));
        image = Arrays.copyOf(image, length);
        notes.add(String.format("truncate to 0x%X", length));
    }

    private int binEdge() {
        List<long[]> bins = layout.bins();
        if (bins.isEmpty()) {
            return rng.nextInt(image.length + 1);
        }
        long[] bin = bins.get(rng.nextInt(bins.size()));
        return (int) Math.min(Integer.MAX_VALUE, HiveLayout.BINS_START + bin[0] + bin[1] - 4 + rng.nextInt(9));
    }

    private void randomBytes() {
        if (image.length == 0) {
            return;
        }
        int n = 1 + rng.nextInt(8);
        int at = rng.nextInt(image.length);
        for (int i = 0; i < n && at + i < image.length; i++) {
            image[at + i] = (byte) rng.nextInt(256);
        }
        notes.add(String.format("%d random byte(s) at 0x%X", n, at));
    }

    private void swapSignature() {
        int field = fieldOf(FieldKind.SIGNATURE);
        String sig = SIGNATURES[rng.nextInt(SIGNATURES.length)];
        write(layout.fields().at(field), 2, sig.charAt(0) | sig.charAt(1) << 8, "signature -> " + sig);
    }

    /** Copies the start of one cell's data over another's, as a reader following a stale offset would see it. */
    private void spliceCell() {
        long from = HiveLayout.BINS_START + pick(layout.cells()) + 4;
        long to = HiveLayout.BINS_START + pick(layout.cells()) + 4;
        int n = 8 + rng.nextInt(88);
        if (from + n > image.length || to + n > image.length) {
            return;
        }
        System.arraycopy(image, (int) from, image, (int) to, n);
        notes.add(String.format("copy %d bytes of the cell data at 0x%X over 0x%X", n, from, to));
    }

    /** Minor versions 1 to 6: 1 changes the cell header to 8 bytes, 3 has no big data, 5 brings lh lists. */
    private void version() {
        write(24, 4, 1 + rng.nextInt(6), "minor version");
    }

    private void write(long at, int width, long value, String what) {
        if (at < 0 || at + width > image.length) {
            return;
        }
        for (int i = 0; i < width; i++) {
            image[(int) at + i] = (byte) (value >>> (8 * i));
        }
        notes.add(String.format("set %d byte(s) at 0x%X to 0x%X (%s)", width, at, value & mask(width), what));
    }

    private long read(long at, int width) {
        long v = 0;
        for (int i = 0; i < width && at + i < image.length; i++) {
            v |= (image[(int) at + i] & 0xFFL) << (8 * i);
        }
        return v;
    }

    private static long mask(int width) {
        return width >= 8 ? -1L : (1L << (8 * width)) - 1;
    }

    /** §Base block, Note 2: the XOR of the first 127 dwords, with 0 and -1 avoided. */
    private void fixChecksum() {
        fixChecksum(image, 0);
        notes.add("checksum repaired");
    }

    static void fixChecksum(byte[] data, int offset) {
        if (data.length < offset + 512) {
            return;
        }
        int c = 0;
        for (int i = offset; i < offset + 508; i += 4) {
            c ^= (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16 | (data[i + 3] & 0xFF) << 24;
        }
        c = c == -1 ? -2 : c == 0 ? 1 : c;
        for (int i = 0; i < 4; i++) {
            data[offset + 508 + i] = (byte) (c >>> (8 * i));
        }
    }

    private static Op[] weighted(Object[] pairs) {
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int n = 0; n < (int) pairs[i + 1]; n++) {
                out.add((Op) pairs[i]);
            }
        }
        return out.toArray(new Op[0]);
    }
}
