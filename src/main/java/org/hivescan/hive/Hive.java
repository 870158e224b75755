package org.hivescan.hive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;
import org.hivescan.format.BinMap;
import org.hivescan.format.CellSpace;
import org.hivescan.format.KeyNode;
import org.hivescan.format.Offsets;
import org.hivescan.format.SecurityCell;
import org.hivescan.format.SecurityDescriptor;
import org.hivescan.format.SubkeyIndex;
import org.hivescan.format.UnsupportedVersionException;
import org.hivescan.format.ValueKey;
import org.hivescan.format.ValueList;

/**
 * An open hive. It reads from a read-only mapping (or any {@link HiveBytes}, such as a log-replay overlay) and
 * must be closed. Reading is lenient by default: problems that leave the rest readable go to
 * {@link #diagnostics()}, and only what cannot be stepped past is thrown.
 */
public final class Hive implements AutoCloseable {
    private static final int MAX_CACHED_DESCRIPTORS = 4096;

    private final HiveBytes bytes;
    private final HiveOptions options;
    private final BaseBlock baseBlock;
    private final CellSpace space;
    private final Diagnostics diagnostics;
    private final Key root;
    private final Map<Long, Optional<String>> descriptors = new HashMap<>();
    private HiveKind kind;

    private Hive(HiveBytes bytes, HiveOptions options) throws HiveFormatException {
        this.bytes = bytes;
        this.options = options;
        this.diagnostics = new Diagnostics(options.strict(), options.maxDiagnostics());
        this.baseBlock = BaseBlock.read(bytes, 0);
        checkHeader();
        BinMap bins = BinMap.scan(bytes, baseBlock, diagnostics);
        this.space = new CellSpace(bytes, bins, baseBlock.minorVersion(), options.stepBudget(bins.limit()));
        KeyNode rootNode = KeyNode.read(space, Offsets.relative(baseBlock.rootCellOffset()));
        this.root = new Key(this, rootNode, null);
    }

    public static Hive open(Path file) throws HiveFormatException {
        return open(file, HiveOptions.lenient());
    }

    public static Hive open(Path file, HiveOptions options) throws HiveFormatException {
        return open(HiveBytes.open(file), options);
    }

    /** Opens a hive over bytes the caller supplies; the hive owns them from now on and closes them. */
    public static Hive open(HiveBytes bytes, HiveOptions options) throws HiveFormatException {
        try {
            return new Hive(bytes, options);
        } catch (HiveFormatException | RuntimeException | Error e) {
            closeQuietly(bytes);
            throw e;
        }
    }

    private void checkHeader() throws HiveFormatException {
        if (baseBlock.majorVersion() != 1 || baseBlock.minorVersion() < 1 || baseBlock.minorVersion() > 6) {
            throw new UnsupportedVersionException(bytes.resource(), baseBlock.majorVersion(),
                    baseBlock.minorVersion());
        }
        if (baseBlock.fileType() != BaseBlock.FILE_TYPE_PRIMARY) {
            diagnostics.report(new HiveFormatException(bytes.resource(), 28, "base block file type",
                    "expected 0 (primary file), found " + Integer.toUnsignedString(baseBlock.fileType())
                            + (baseBlock.fileType() == 1 || baseBlock.fileType() == 6
                                    ? " (a transaction log, not a primary hive)" : "")));
        }
        if (bytes.length() < BaseBlock.SIZE) {
            throw new HiveFormatException(bytes.resource(), 0, "base block", "expected 4096 bytes, found "
                    + bytes.length() + " (file truncated)");
        }
    }

    private static void closeQuietly(HiveBytes bytes) {
        try {
            bytes.close();
        } catch (IOException ignored) {
            // Nothing more can be done; the open already failed with the real cause.
        }
    }

    public String resource() {
        return bytes.resource();
    }

    public HiveOptions options() {
        return options;
    }

    public BaseBlock baseBlock() {
        return baseBlock;
    }

    public CellSpace space() {
        return space;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public Key root() {
        return root;
    }

    /** What kind of hive this is, guessed from its stored file name and its top-level keys. */
    public HiveKind kind() throws HiveFormatException {
        if (kind == null) {
            kind = HiveKind.detect(this);
        }
        return kind;
    }

    /** Resolves a path below the root ({@code \} or {@code /}, any case, optional HKLM prefix); see {@link KeyPath}. */
    public Optional<Key> key(String path) throws HiveFormatException {
        return KeyPath.resolve(this, path).map(KeyPath.Resolution::key);
    }

    /** Like {@link #key} but also says which control set a {@code CurrentControlSet} segment became. */
    public Optional<KeyPath.Resolution> resolve(String path) throws HiveFormatException {
        return KeyPath.resolve(this, path);
    }

    /** Visits every key and value, depth first; see {@link HiveWalker}. */
    public void walk(HiveVisitor visitor) throws HiveFormatException, IOException {
        new HiveWalker(this, root, visitor).run();
    }

    /** Visits {@code start} and everything below it. */
    public void walkFrom(Key start, HiveVisitor visitor) throws HiveFormatException, IOException {
        new HiveWalker(this, start, visitor).run();
    }

    /** Reads the key node at a list entry, or reports why it cannot and returns null. */
    Key childAt(long offset, Key parent) throws HiveFormatException {
        try {
            return new Key(this, KeyNode.read(space, offset), parent);
        } catch (HiveFormatException e) {
            diagnostics.report(e);
            return null;
        }
    }

    /** All key-node offsets of a key's subkey list, flattening index roots; damaged parts are reported. */
    long[] subkeyOffsets(KeyNode nk) throws HiveFormatException {
        if (nk.subkeyCount() == 0 || nk.hasNoSubkeyList()) {
            return new long[0];
        }
        return subkeyIndex(nk).keyOffsets();
    }

    /** A key's subkey list as one sequence read on demand; a count mismatch is reported. */
    SubkeyIndex subkeyIndex(KeyNode nk) throws HiveFormatException {
        SubkeyIndex index = SubkeyIndex.open(space, nk.subkeyListOffset(), nk.subkeyCount(), diagnostics);
        if (index.size() != nk.subkeyCount()) {
            diagnostics.report(space.problem(Offsets.toFile(nk.offset()) + space.cellHeader() + 20,
                    "key node subkey count", "expected the subkey lists to hold the key's " + nk.subkeyCount()
                            + " subkeys, found " + index.size()));
        }
        return index;
    }

    /** The values of a key in list order; unreadable entries are reported and left out. */
    List<Value> values(KeyNode nk) throws HiveFormatException {
        if (nk.valueCount() == 0 || nk.hasNoValueList()) {
            return List.of();
        }
        ValueList list;
        try {
            list = ValueList.read(space, nk.valueListOffset(), nk.valueCount(), diagnostics);
        } catch (HiveFormatException e) {
            diagnostics.report(e);
            return List.of();
        }
        List<Value> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(new Value(this, ValueKey.read(space, list.element(i))));
            } catch (HiveFormatException e) {
                diagnostics.report(e);
            }
        }
        return out;
    }

    Optional<String> sddl(long securityOffset) throws HiveFormatException {
        if (securityOffset == Offsets.relative(Offsets.NONE)) {
            return Optional.empty();
        }
        Optional<String> cached = descriptors.get(securityOffset);
        if (cached != null) {
            return cached;
        }
        Optional<String> sddl;
        try {
            SecurityCell sk = SecurityCell.read(space, securityOffset);
            sddl = Optional.of(SecurityDescriptor.toSddl(sk.descriptor()));
        } catch (HiveFormatException e) {
            diagnostics.report(e);
            sddl = Optional.empty();
        } catch (IllegalArgumentException e) {
            diagnostics.report(space.problem(Offsets.toFile(securityOffset), "security descriptor", e.getMessage()));
            sddl = Optional.empty();
        }
        if (descriptors.size() < MAX_CACHED_DESCRIPTORS) {
            descriptors.put(securityOffset, sddl);
        }
        return sddl;
    }

    @Override
    public void close() throws IOException {
        descriptors.clear();
        bytes.close();
    }
}
