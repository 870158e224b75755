package org.hivescan.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of a transaction log: its base-block copy (sequence numbers, type, hive-bins size, checksum), the
 * old format's dirty vector, and the new format's entry headers and page references, plus flips inside the logged
 * pages. Afterwards the entry hashes are usually recomputed, since an entry whose Marvin32 hash fails is simply
 * not applied and the damage would never reach the replay (§New format, Notes 1-3).
 */
final class LogMutator {
    private static final long[] EDGE = {0, 1, 0x1FF, 0x200, 0x1000, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_F000L,
        0xFFFF_FFFFL};

    private final LogLayout layout;
    private final SplittableRandom rng;
    private byte[] image;
    private final List<String> notes = new ArrayList<>();

    private LogMutator(LogLayout layout, byte[] seed, SplittableRandom rng) {
        this.layout = layout;
        this.image = seed.clone();
        this.rng = rng;
    }

    static Mutant mutate(Seed seed, SplittableRandom rng) {
        LogMutator m = new LogMutator(seed.logLayout(), seed.bytes(), rng);
        int count = 1 + rng.nextInt(3);
        for (int i = 0; i < count; i++) {
            m.mutateOnce();
        }
        if (rng.nextInt(10) < 7) {
            m.rehash();
        }
        if (rng.nextInt(10) < 7) {
            Mutator.fixChecksum(m.image, 0);
            m.notes.add("log checksum repaired");
        }
        return new Mutant(seed, m.image, String.join("; ", m.notes));
    }

    private void mutateOnce() {
        FieldTable f = layout.fields();
        int choice = rng.nextInt(10);
        if (f.size() == 0 || choice == 0) {
            truncate();
        } else if (choice <= 2) {
            flipInPages();
        } else {
            int field = rng.nextInt(f.size());
            int width = Math.min(f.width(field), 4);
            long value = rng.nextBoolean() ? EDGE[rng.nextInt(EDGE.length)] : read(f.at(field), width) + 1;
            write(f.at(field), width, value);
        }
    }

    private void truncate() {
        int length = rng.nextInt(image.length + 1);
        image = Arrays.copyOf(image, length);
        notes.add(String.format("truncate log to 0x%X", length));
    }

    private void flipInPages() {
        if (image.length <= 1024) {
            return;
        }
        int at = 1024 + rng.nextInt(image.length - 1024);
        image[at] ^= (byte) (1 << rng.nextInt(8));
        notes.add(String.format("flip a bit at log 0x%X", at));
    }

    /** Recomputes Hash-1 (bytes 40..size) and then Hash-2 (the first 32 bytes) of every entry still inside. */
    private void rehash() {
        for (long[] entry : layout.entries()) {
            int pos = (int) entry[0];
            int size = (int) entry[1];
            if (pos + size > image.length) {
                break;
            }
            write(pos + 24, 8, Marvin32.hash(image, pos + 40, size - 40), null);
            write(pos + 32, 8, Marvin32.hash(image, pos, 32), null);
        }
        notes.add("entry hashes recomputed");
    }

    private void write(long at, int width, long value) {
        write(at, width, value, String.format("set log 0x%X to 0x%X", at, value));
    }

    private void write(long at, int width, long value, String note) {
        if (at < 0 || at + width > image.length) {
            return;
        }
        for (int i = 0; i < width; i++) {
            image[(int) at + i] = (byte) (value >>> (8 * i));
        }
        if (note != null) {
            notes.add(note);
        }
    }

    private long read(long at, int width) {
        long v = 0;
        for (int i = 0; i < width && at + i < image.length; i++) {
            v |= (image[(int) at + i] & 0xFFL) << (8 * i);
        }
        return v;
    }
}
