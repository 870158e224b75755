package org.hivescan.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the structures of a primary hive image lie: base-block fields, bin headers, every cell and, inside the
 * allocated ones, the offsets, counts, sizes and name lengths that a mutation should hit. The parse is our own
 * (it does not use the reader under test), follows §Base block, §Hive bin, §Cell and the record layouts, and stops
 * quietly where the seed itself is damaged: seeds include carved fragments and files that are no hive at all.
 */
final class HiveLayout {
    static final int BINS_START = 4096;
    private static final int HBIN = 0x6E696268;

    private final byte[] data;
    private final FieldTable fields = new FieldTable();
    private final List<Long> cells = new ArrayList<>();
    private final Set<Long> cellSet = new HashSet<>();
    private final List<Long> keyNodes = new ArrayList<>();
    private final Map<Long, Integer> signatureOf = new HashMap<>();
    /** nk offset to the offset stored in its parent field. */
    private final Map<Long, Long> parentOf = new HashMap<>();
    /** List, value and data cells to the nk that owns them, so a redirect can point a list back at its key. */
    private final Map<Long, Long> ownerOf = new HashMap<>();
    private final List<long[]> bins = new ArrayList<>();
    private long rootRel = -1;

    private HiveLayout(byte[] data) {
        this.data = data;
    }

    static HiveLayout parse(byte[] data) {
        HiveLayout layout = new HiveLayout(data);
        if (data.length >= 512 && layout.u32(0) == 0x66676572) {
            layout.baseBlock();
            layout.scanBins();
            layout.followReferences();
        }
        return layout;
    }

    FieldTable fields() {
        return fields;
    }

    List<Long> cells() {
        return cells;
    }

    List<Long> keyNodes() {
        return keyNodes;
    }

    List<long[]> bins() {
        return bins;
    }

    long root() {
        return rootRel;
    }

    /** The parent field of a key node, or -1. */
    long parentOf(long nk) {
        return parentOf.getOrDefault(nk, -1L);
    }

    /** The key node owning a list, value or data cell, or the cell itself when it is a key node; -1 if unknown. */
    long ownerOf(long cell) {
        if (signatureOf.getOrDefault(cell, 0) == sig('n', 'k')) {
            return cell;
        }
        return ownerOf.getOrDefault(cell, -1L);
    }

    int length() {
        return data.length;
    }

    private void baseBlock() {
        int[][] layout = {{4, 4}, {8, 4}, {12, 8}, {20, 4}, {24, 4}, {28, 4}, {32, 4}, {36, 4}, {40, 4}, {44, 4},
            {508, 4}};
        for (int[] f : layout) {
            fields.add(f[0], f[1], FieldKind.BASE_BLOCK, -1);
        }
        rootRel = u32(36);
    }

    private void scanBins() {
        long rel = 0;
        while (BINS_START + rel + 32 <= data.length && u32(BINS_START + rel) == HBIN) {
            long size = u32(BINS_START + rel + 8);
            if (size < 4096 || size % 4096 != 0) {
                return;
            }
            for (int f = 0; f < 12; f += 4) {
                fields.add(BINS_START + rel + f, 4, FieldKind.BIN_HEADER, -1);
            }
            long end = Math.min(rel + size, data.length - BINS_START);
            bins.add(new long[] {rel, size});
            scanCells(rel + 32, end);
            rel += size;
        }
    }

    private void scanCells(long from, long binEnd) {
        long rel = from;
        while (rel + 4 <= binEnd) {
            int raw = i32(BINS_START + rel);
            // A damaged size is still a field worth mutating; only the scan of this bin ends there.
            fields.add(BINS_START + rel, 4, FieldKind.CELL_SIZE, rel);
            if (raw == 0 || raw == Integer.MIN_VALUE || Math.abs(raw) < 8 || rel + Math.abs(raw) > binEnd) {
                return;
            }
            cells.add(rel);
            cellSet.add(rel);
            if (raw < 0) {
                record(rel, Math.abs(raw) - 4);
            }
            rel += Math.abs(raw);
        }
    }

    /** Marks the fields of one allocated cell by its signature (§Key node, §Key value, lists, §Key security). */
    private void record(long rel, int dataSize) {
        long d = BINS_START + rel + 4;
        if (dataSize < 4) {
            return;
        }
        int sig = u16(d);
        signatureOf.put(rel, sig);
        if (sig == sig('n', 'k') && dataSize >= 76) {
            keyNode(rel, d);
        } else if (sig == sig('v', 'k') && dataSize >= 20) {
            fieldsAt(rel, d, FieldKind.SIGNATURE, 0, 2, FieldKind.NAME_LENGTH, 2, 2, FieldKind.SIZE, 4, 4,
                    FieldKind.OFFSET, 8, 4, FieldKind.FLAGS, 12, 4, FieldKind.FLAGS, 16, 2);
        } else if (isList(sig)) {
            subkeyList(rel, d, dataSize, sig);
        } else if (sig == sig('s', 'k') && dataSize >= 20) {
            security(rel, d, dataSize);
        } else if (sig == sig('d', 'b') && dataSize >= 8) {
            fieldsAt(rel, d, FieldKind.SIGNATURE, 0, 2, FieldKind.COUNT, 2, 2, FieldKind.OFFSET, 4, 4);
        }
    }

    private void keyNode(long rel, long d) {
        keyNodes.add(rel);
        parentOf.put(rel, u32(d + 16));
        fieldsAt(rel, d, FieldKind.SIGNATURE, 0, 2, FieldKind.FLAGS, 2, 2, FieldKind.OFFSET, 16, 4,
                FieldKind.COUNT, 20, 4, FieldKind.OFFSET, 28, 4, FieldKind.COUNT, 36, 4, FieldKind.OFFSET, 40, 4,
                FieldKind.OFFSET, 44, 4, FieldKind.OFFSET, 48, 4, FieldKind.NAME_LENGTH, 72, 2, FieldKind.SIZE,
                74, 2);
    }

    private void subkeyList(long rel, long d, int dataSize, int sig) {
        int element = sig == sig('l', 'f') || sig == sig('l', 'h') ? 8 : 4;
        fieldsAt(rel, d, FieldKind.SIGNATURE, 0, 2, FieldKind.COUNT, 2, 2);
        int count = Math.min(u16(d + 2), (dataSize - 4) / element);
        for (int i = 0; i < count; i++) {
            fields.add(d + 4 + (long) i * element, 4, FieldKind.OFFSET, rel);
        }
    }

    /** §Key security, then the self-relative descriptor's offsets and the first ACL's ACE sizes (MS-DTYP 2.4.6). */
    private void security(long rel, long d, int dataSize) {
        fieldsAt(rel, d, FieldKind.SIGNATURE, 0, 2, FieldKind.OFFSET, 4, 4, FieldKind.OFFSET, 8, 4,
                FieldKind.COUNT, 12, 4, FieldKind.SIZE, 16, 4);
        long sd = d + 20;
        if (dataSize < 40) {
            return;
        }
        fieldsAt(rel, sd, FieldKind.FLAGS, 2, 2, FieldKind.DESCRIPTOR, 4, 4, FieldKind.DESCRIPTOR, 8, 4,
                FieldKind.DESCRIPTOR, 12, 4, FieldKind.DESCRIPTOR, 16, 4);
        long dacl = u32(sd + 16);
        if (dacl != 0 && dacl + 8 <= dataSize - 20) {
            fieldsAt(rel, sd + dacl, FieldKind.SIZE, 2, 2, FieldKind.COUNT, 4, 2);
            long ace = sd + dacl + 8;
            if (ace + 4 <= d + dataSize) {
                fields.add(ace + 2, 2, FieldKind.DESCRIPTOR, rel);
            }
        }
    }

    /** Value lists and big-data segment lists carry no signature: find them through the cells that point at them. */
    private void followReferences() {
        for (long nk : keyNodes) {
            long d = BINS_START + nk + 4;
            long subkeys = u32(d + 28);
            ownerOf.putIfAbsent(subkeys, nk);
            if (signatureOf.getOrDefault(subkeys, 0) == sig('r', 'i')) {
                for (long leaf : listEntries(subkeys)) {
                    ownerOf.putIfAbsent(leaf, nk);
                }
            }
            ownerOf.putIfAbsent(u32(d + 48), nk);
            valueList(nk, u32(d + 40), u32(d + 36));
        }
    }

    private void valueList(long nk, long list, long count) {
        if (!cellSet.contains(list)) {
            return;
        }
        ownerOf.putIfAbsent(list, nk);
        long d = BINS_START + list + 4;
        long fits = (Math.abs((long) i32(BINS_START + list)) - 4) / 4;
        for (int i = 0; i < Math.min(count, fits); i++) {
            fields.add(d + 4L * i, 4, FieldKind.OFFSET, list);
            long vk = u32(d + 4L * i);
            ownerOf.putIfAbsent(vk, nk);
            if (signatureOf.getOrDefault(vk, 0) == sig('v', 'k')) {
                valueData(nk, vk);
            }
        }
    }

    private void valueData(long nk, long vk) {
        long d = BINS_START + vk + 4;
        if (i32(d + 4) < 0) {
            return;
        }
        long data = u32(d + 8);
        ownerOf.putIfAbsent(data, nk);
        if (signatureOf.getOrDefault(data, 0) == sig('d', 'b') && inside(BINS_START + data + 12, 0)) {
            long segments = u32(BINS_START + data + 8 + 4);
            ownerOf.putIfAbsent(segments, nk);
            if (!inside(BINS_START + segments, 4)) {
                return;
            }
            long fits = (Math.abs((long) i32(BINS_START + segments)) - 4) / 4;
            for (int i = 0; i < Math.min(u16(BINS_START + data + 6), fits); i++) {
                fields.add(BINS_START + segments + 4 + 4L * i, 4, FieldKind.OFFSET, segments);
            }
        }
    }

    private List<Long> listEntries(long list) {
        List<Long> out = new ArrayList<>();
        long d = BINS_START + list + 4;
        if (!inside(d, 4)) {
            return out;
        }
        int count = Math.min(u16(d + 2), (Math.abs(i32(BINS_START + list)) - 8) / 4);
        for (int i = 0; i < count && inside(d + 4 + 4L * i, 4); i++) {
            out.add(u32(d + 4 + 4L * i));
        }
        return out;
    }

    /** Adds (kind, field offset, width) triples relative to {@code base}, skipping any that lie past the seed. */
    private void fieldsAt(long cellRel, long base, Object... spec) {
        for (int i = 0; i + 2 < spec.length; i += 3) {
            long at = base + (int) spec[i + 1];
            int width = (int) spec[i + 2];
            if (inside(at, width)) {
                fields.add(at, width, (FieldKind) spec[i], cellRel);
            }
        }
    }

    private static boolean isList(int sig) {
        return sig == sig('l', 'i') || sig == sig('l', 'f') || sig == sig('l', 'h') || sig == sig('r', 'i');
    }

    static int sig(char a, char b) {
        return a | b << 8;
    }

    private boolean inside(long at, int width) {
        return at >= 0 && at + width <= data.length;
    }

    int u16(long at) {
        return inside(at, 2) ? (data[(int) at] & 0xFF) | (data[(int) at + 1] & 0xFF) << 8 : 0;
    }

    int i32(long at) {
        return inside(at, 4) ? u16(at) | u16(at + 2) << 16 : 0;
    }

    long u32(long at) {
        return i32(at) & 0xFFFF_FFFFL;
    }
}
