package org.hivescan.hive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;
import org.hivescan.format.BigData;
import org.hivescan.format.BinMap;
import org.hivescan.format.Cell;
import org.hivescan.format.CellSpace;
import org.hivescan.format.HiveBin;
import org.hivescan.format.KeyNode;
import org.hivescan.format.Names;
import org.hivescan.format.Offsets;
import org.hivescan.format.SubkeyIndex;
import org.hivescan.format.SubkeyList;
import org.hivescan.format.ValueData;
import org.hivescan.format.ValueKey;

/**
 * A structural check of a whole hive, in the spirit of Lucene's CheckIndex: header, bin chain, cell tiling and
 * accounting (every allocated cell referenced, every reference pointing at an allocated cell), subkey-list order,
 * lh hashes and lf hints, parent back-links, duplicate names, and cycles. It reports, it never repairs.
 */
public final class HiveVerifier {
    private static final int MAX_LISTED_LEAKS = 20;

    /** One problem, with the absolute file offset where it lies (-1 when it has none). */
    public record Finding(String check, long fileOffset, String message) {
    }

    /** Cell accounting totals. */
    public record CellStats(long allocated, long allocatedBytes, long free, long freeBytes, long referenced,
            long unreferenced) {
    }

    /** What verify found. */
    public record Report(List<Finding> findings, CellStats cells, long keys, long values) {
        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private final Hive hive;
    private final CellSpace space;
    private final List<Finding> findings = new ArrayList<>();
    private final BitSet allocated = new BitSet();
    private final BitSet referenced = new BitSet();
    private final BitSet securityCells = new BitSet();
    private long free;
    private long freeBytes;
    private long allocatedBytes;
    private long keys;
    private long values;

    private HiveVerifier(Hive hive) {
        this.hive = hive;
        this.space = hive.space();
    }

    public static Report verify(Hive hive) throws HiveFormatException, IOException {
        HiveVerifier v = new HiveVerifier(hive);
        v.checkBaseBlock();
        v.checkBinChain();
        v.scanCells();
        v.walkReferences();
        v.account();
        java.util.Set<String> known = new java.util.HashSet<>();
        v.findings.forEach(f -> known.add(f.message()));
        for (HiveFormatException problem : hive.diagnostics().problems()) {
            if (known.add(problem.getMessage())) {
                v.findings.add(new Finding("read", problem.offset(), problem.getMessage()));
            }
        }
        long unreferenced = v.unreferencedCount();
        return new Report(List.copyOf(v.findings), new CellStats(v.allocated.cardinality(), v.allocatedBytes, v.free,
                v.freeBytes, v.referenced.cardinality(), unreferenced), v.keys, v.values);
    }

    private void add(String check, long fileOffset, String message) {
        findings.add(new Finding(check, fileOffset, message));
    }

    private void checkBaseBlock() {
        BaseBlock base = hive.baseBlock();
        if (!base.checksumValid()) {
            add("base block", BaseBlock.CHECKSUM_OFFSET, String.format("checksum: expected 0x%08X, found 0x%08X",
                    base.computedChecksum(), base.storedChecksum()));
        }
        if (!base.sequenceNumbersMatch()) {
            add("base block", 4, "sequence numbers differ: primary " + Integer.toUnsignedString(base.primarySequence())
                    + ", secondary " + Integer.toUnsignedString(base.secondarySequence()) + " (dirty hive)");
        }
        if (base.fileFormat() != 1) {
            add("base block", 32, "file format: expected 1, found " + base.fileFormat());
        }
    }

    private void checkBinChain() throws HiveFormatException {
        HiveBytes bytes = space.bytes();
        BinMap.scan(bytes, hive.baseBlock(), p -> add("hive bins", p.offset(), p.getMessage()));
        BinMap bins = space.bins();
        long expected = 0;
        for (HiveBin bin : bins.bins()) {
            if (bin.offset() != expected) {
                add("hive bins", Offsets.toFile(expected), "gap in the bin chain: expected a bin at "
                        + Offsets.hex(expected) + ", found the next at " + Offsets.hex(bin.offset()));
            }
            expected = bin.end();
        }
    }

    /** Walks every cell of every bin: cells must tile the bin exactly (§Cell). */
    private void scanCells() throws HiveFormatException {
        HiveBytes bytes = space.bytes();
        int alignment = space.cellHeader() == 8 ? 16 : 8;
        for (HiveBin bin : space.bins().bins()) {
            long rel = bin.offset() + HiveBin.HEADER_SIZE;
            while (rel < bin.end()) {
                int raw = bytes.readInt(Offsets.toFile(rel));
                long size = raw == Integer.MIN_VALUE ? 0 : Math.abs((long) raw);
                if (size < 8 || size % alignment != 0 && alignment == 8 || rel + size > bin.end()) {
                    add("cells", Offsets.toFile(rel), "cell size: expected a multiple of " + alignment
                            + " ending by the bin end " + Offsets.hex(Offsets.toFile(bin.end())) + ", found "
                            + raw + "; rest of the bin skipped");
                    break;
                }
                if (raw < 0) {
                    allocated.set(index(rel));
                    allocatedBytes += size;
                } else {
                    free++;
                    freeBytes += size;
                }
                rel += size;
            }
        }
    }

    private static int index(long rel) {
        return (int) (rel >>> 3);
    }

    private void mark(long rel, String what) {
        if (rel == Offsets.relative(Offsets.NONE)) {
            return;
        }
        if (!allocated.get(index(rel))) {
            add("references", Offsets.toFile(rel), what + " points at " + Offsets.hex(rel)
                    + ": expected the start of an allocated cell, found none");
        }
        if (inBins(rel)) {
            referenced.set(index(rel));
        }
    }

    /**
     * Offsets come from the file and may be anything up to 4 GiB; setting a bit for one past the bins would grow a
     * bit set to 64 MiB for an 8 KiB hive (found by fuzzing: testdata/regress/verify-far-offset-bitset).
     */
    private boolean inBins(long rel) {
        return rel >= 0 && rel < space.bins().limit();
    }

    private void walkReferences() throws HiveFormatException, IOException {
        hive.walk(new HiveVisitor() {
            @Override
            public boolean key(Key key) throws HiveFormatException {
                keys++;
                checkKey(key);
                return true;
            }

            @Override
            public void value(Key key, Value value) throws HiveFormatException {
                values++;
                checkValue(value.node());
            }
        });
    }

    private void checkKey(Key key) throws HiveFormatException {
        KeyNode nk = key.node();
        mark(nk.offset(), "key \"" + key.path() + "\"");
        key.parent().ifPresent(parent -> {
            if (nk.parentOffset() != parent.offset()) {
                add("parent links", Offsets.toFile(nk.offset()) + space.cellHeader() + 16, "key \"" + key.path()
                        + "\" parent: expected " + Offsets.hex(parent.offset()) + ", found "
                        + Offsets.hex(nk.parentOffset()));
            }
        });
        if (nk.classNameLength() > 0) {
            mark(nk.classNameOffset(), "class name of \"" + key.path() + "\"");
        }
        markSecurity(nk.securityOffset(), key);
        if (nk.valueCount() > 0 && !nk.hasNoValueList()) {
            mark(nk.valueListOffset(), "value list of \"" + key.path() + "\"");
        }
        if (nk.subkeyCount() > 0 && !nk.hasNoSubkeyList()) {
            List<String> names = new ArrayList<>();
            checkLists(nk, key, names);
            checkOrder(names, key);
        }
    }

    private void markSecurity(long rel, Key key) {
        if (rel != Offsets.relative(Offsets.NONE) && !securityCells.get(index(rel))) {
            mark(rel, "security cell of \"" + key.path() + "\"");
            if (inBins(rel)) {
                securityCells.set(index(rel));
            }
        }
    }

    private void checkLists(KeyNode nk, Key owner, List<String> names) throws HiveFormatException {
        List<SubkeyIndex.Entry> entries = SubkeyIndex.flatten(space, nk.subkeyListOffset(), nk.subkeyCount(),
                p -> add("subkey lists", p.offset(), p.getMessage()));
        SubkeyList previous = null;
        for (SubkeyIndex.Entry entry : entries) {
            if (entry.list() != previous) {
                mark(entry.list().offset(), "subkey list of \"" + owner.path() + "\"");
                previous = entry.list();
            }
            String name = nameAt(entry.keyOffset());
            if (name != null) {
                names.add(name);
                checkHint(entry.list(), entry.index(), name, owner);
            }
        }
        markIndexRoot(nk.subkeyListOffset());
    }

    /** An index root cell is referenced too, though no entry names it. */
    private void markIndexRoot(long rel) {
        try {
            Cell cell = space.cell(rel, "subkey list", 4);
            if (space.signature(cell) == CellSpace.signature('r', 'i')) {
                mark(rel, "index root");
            }
        } catch (HiveFormatException e) {
            // Already reported while flattening the list.
        }
    }

    private String nameAt(long rel) {
        try {
            return KeyNode.read(space, rel).name();
        } catch (HiveFormatException e) {
            return null;
        }
    }

    private void checkHint(SubkeyList list, int i, String name, Key owner) throws HiveFormatException {
        long at = Offsets.toFile(list.offset()) + space.cellHeader() + 4 + 8L * i + 4;
        if (list.kind() == SubkeyList.Kind.LH && list.hint(i) != Names.lhHash(name)) {
            add("hashes", at, String.format("lh hash of \"%s\" under \"%s\": expected 0x%08X, found 0x%08X", name,
                    owner.path(), Names.lhHash(name), list.hint(i)));
        } else if (list.kind() == SubkeyList.Kind.LF && !lfHintMatches(list.hint(i), name)) {
            add("hashes", at, String.format("lf hint of \"%s\" under \"%s\": expected 0x%08X, found 0x%08X", name,
                    owner.path(), Names.lfHint(name), list.hint(i)));
        }
    }

    /** Windows stores the hint from the name's first four characters; a zero first byte marks a wide name. */
    private static boolean lfHintMatches(int hint, String name) {
        return hint == Names.lfHint(name) || (hint & 0xFF) == 0;
    }

    private void checkOrder(List<String> names, Key owner) {
        for (int i = 1; i < names.size(); i++) {
            int c = Names.compare(names.get(i - 1), names.get(i));
            if (c == 0) {
                add("duplicates", Offsets.toFile(owner.offset()), "key \"" + owner.path() + "\" has two subkeys named \""
                        + names.get(i) + "\"");
            } else if (c > 0) {
                add("sort order", Offsets.toFile(owner.node().subkeyListOffset()), "subkeys of \"" + owner.path()
                        + "\" are not sorted: \"" + names.get(i - 1) + "\" comes before \"" + names.get(i) + "\"");
            }
        }
    }

    private void checkValue(ValueKey vk) throws HiveFormatException {
        mark(vk.offset(), "value \"" + vk.name() + "\"");
        if (vk.isInline() || vk.dataSize() == 0) {
            return;
        }
        long data = Offsets.relative(vk.rawDataOffset());
        mark(data, "data of value \"" + vk.name() + "\"");
        if (ValueData.usesBigData(space, vk)) {
            markBigData(data);
        }
    }

    private void markBigData(long rel) {
        try {
            Cell cell = space.cell(rel, "big data record", 8);
            if (space.signature(cell) != BigData.SIGNATURE) {
                return;
            }
            int count = space.bytes().readUnsignedShort(cell.dataFileOffset() + 2);
            long list = space.bytes().readUnsignedInt(cell.dataFileOffset() + 4);
            mark(list, "big data segment list");
            Cell listCell = space.cell(list, "big data segment list", 4 * count);
            for (int i = 0; i < count; i++) {
                mark(space.bytes().readUnsignedInt(listCell.dataFileOffset() + 4L * i), "big data segment " + i);
            }
        } catch (HiveFormatException e) {
            add("big data", e.offset(), e.getMessage());
        }
    }

    /** Security cells form a list (§Key security); all of them count as referenced once one is. */
    private void account() {
        for (int i = securityCells.nextSetBit(0); i >= 0; i = securityCells.nextSetBit(i + 1)) {
            followSecurityChain(i * 8L);
        }
    }

    private void followSecurityChain(long start) {
        long rel = start;
        for (int steps = 0; steps < 1_000_000; steps++) {
            try {
                Cell cell = space.cell(rel, "security cell", 20);
                if (space.signature(cell) != CellSpace.signature('s', 'k')) {
                    return;
                }
                long next = space.bytes().readUnsignedInt(cell.dataFileOffset() + 4);
                if (!inBins(next) || referenced.get(index(next))) {
                    return;
                }
                referenced.set(index(next));
                rel = next;
            } catch (HiveFormatException e) {
                return;
            }
        }
    }

    private long unreferencedCount() {
        BitSet leaked = (BitSet) allocated.clone();
        leaked.andNot(referenced);
        int listed = 0;
        for (int i = leaked.nextSetBit(0); i >= 0 && listed < MAX_LISTED_LEAKS; i = leaked.nextSetBit(i + 1)) {
            add("cells", Offsets.toFile(i * 8L), "allocated cell at " + Offsets.hex(i * 8L)
                    + " is referenced by nothing");
            listed++;
        }
        if (leaked.cardinality() > listed) {
            add("cells", -1, (leaked.cardinality() - listed) + " more allocated cells are referenced by nothing");
        }
        return leaked.cardinality();
    }
}
