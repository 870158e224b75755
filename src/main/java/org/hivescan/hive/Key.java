package org.hivescan.hive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.CellSpace;
import org.hivescan.format.ClassName;
import org.hivescan.format.KeyNode;
import org.hivescan.format.Names;
import org.hivescan.format.SubkeyIndex;

/**
 * One key. It holds only its node and its parent; subkeys and values are read from the file each time they are
 * asked for, so holding a key costs a few fields however large its subtree is.
 */
public final class Key {
    private final Hive hive;
    private final KeyNode nk;
    private final Key parent;
    private final int depth;

    Key(Hive hive, KeyNode nk, Key parent) {
        this.hive = hive;
        this.nk = nk;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    public Hive hive() {
        return hive;
    }

    /** The format layer's key node; internal to the library. */
    KeyNode node() {
        return nk;
    }

    /** The key node's flags (format spec, "Key node", Flags): e.g. 0x20 for compressed (ASCII) names. */
    public int flags() {
        return nk.flags();
    }

    /**
     * The offset of the security descriptor this key uses, relative to the hive-bins data. Keys sharing one
     * descriptor share this number, so it identifies the descriptor within its hive.
     */
    public long securityDescriptorOffset() {
        return nk.securityOffset();
    }

    public String name() {
        return nk.name();
    }

    /** Offset of the key's nk cell, relative to the hive-bins data. */
    public long offset() {
        return nk.offset();
    }

    public Optional<Key> parent() {
        return Optional.ofNullable(parent);
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** How many levels below the root this key is. */
    public int depth() {
        return depth;
    }

    /** The names from below the root down to this key; empty for the root. */
    public List<String> pathNames() {
        String[] names = new String[depth];
        Key k = this;
        for (int i = depth - 1; i >= 0; i--) {
            names[i] = k.name();
            k = k.parent;
        }
        return List.of(names);
    }

    /** The path below the root joined with backslashes; empty for the root. */
    public String path() {
        return String.join("\\", pathNames());
    }

    public long lastWrittenFiletime() {
        return nk.lastWritten();
    }

    public Instant lastWritten() {
        return Filetime.toInstant(nk.lastWritten());
    }

    public boolean isSymbolicLink() {
        return nk.isSymbolicLink();
    }

    public long subkeyCount() {
        return nk.subkeyCount();
    }

    public long valueCount() {
        return nk.valueCount();
    }

    /**
     * The class name, if the key has one. A class-name cell that cannot be read is a problem of this key alone:
     * reported (thrown when strict) and otherwise taken as no class name, like an unreadable security cell.
     */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public Optional<String> className() throws HiveFormatException {
        try (CellSpace.Scope op = hive.begin()) {
            return Optional.ofNullable(ClassName.read(hive.space(), nk));
        } catch (HiveFormatException e) {
            hive.diagnostics().report(e);
            return Optional.empty();
        }
    }

    /** The key's security descriptor in SDDL, read once per security cell and cached. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public Optional<String> securityDescriptor() throws HiveFormatException {
        try (CellSpace.Scope op = hive.begin()) {
            return hive.sddl(nk.securityOffset());
        }
    }

    /** The subkeys in list order; entries that cannot be read are reported and left out. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public List<Key> subkeys() throws HiveFormatException {
        try (CellSpace.Scope op = hive.begin()) {
            return readSubkeys();
        }
    }

    private List<Key> readSubkeys() throws HiveFormatException {
        long[] offsets = hive.subkeyOffsets(nk);
        List<Key> out = new ArrayList<>(offsets.length);
        for (long offset : offsets) {
            Key child = hive.childAt(offset, this);
            if (child != null) {
                out.add(child);
            }
        }
        return out;
    }

    /**
     * The subkey with this name, compared as Windows compares names. A binary search runs first, since lists are
     * sorted by uppercased name; a linear scan follows a miss, so an unsorted list still answers correctly.
     */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public Optional<Key> subkey(String name) throws HiveFormatException {
        if (nk.subkeyCount() == 0 || nk.hasNoSubkeyList()) {
            return Optional.empty();
        }
        try (CellSpace.Scope op = hive.begin()) {
            return findSubkey(name);
        }
    }

    private Optional<Key> findSubkey(String name) throws HiveFormatException {
        SubkeyIndex list = hive.subkeyIndex(nk);
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Key child = hive.childAt(list.keyOffset(mid), this);
            if (child == null) {
                break;
            }
            int c = Names.compare(name, child.name());
            if (c == 0) {
                return Optional.of(child);
            }
            if (c < 0) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return linearSearch(list, name);
    }

    /** The fallback for unsorted lists; an lh hash that differs rules an entry out without reading its node. */
    private Optional<Key> linearSearch(SubkeyIndex list, String name) throws HiveFormatException {
        int hash = Names.lhHash(name);
        for (int i = 0; i < list.size(); i++) {
            Integer stored = list.hashAt(i);
            if (stored != null && stored != hash) {
                continue;
            }
            Key child = hive.childAt(list.keyOffset(i), this);
            if (child != null && Names.equalsIgnoreCase(name, child.name())) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The values in list order (the list is not sorted); entries that cannot be read are reported, left out. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public List<Value> values() throws HiveFormatException {
        try (CellSpace.Scope op = hive.begin()) {
            return hive.values(nk);
        }
    }

    /** The value with this name, case-insensitively; {@code ""} is the default value. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public Optional<Value> value(String name) throws HiveFormatException {
        try (CellSpace.Scope op = hive.begin()) {
            for (Value v : hive.values(nk)) {
                if (Names.equalsIgnoreCase(name, v.name())) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Key[" + path() + "]";
    }
}
