package org.hivescan.hive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;
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
 *
 * <p>Most users open hives with {@code org.hivescan.recovery.Hives.open}, which replays transaction logs; the
 * factories here read the primary file as it is.
 *
 * <p><b>Threads.</b> A hive, its keys and its values may be read from any number of threads at once: the caches
 * are concurrent, the diagnostics are synchronized, and the work budgets belong to one operation on one thread.
 * {@link #close()} may be called from any thread; every read that starts after it throws
 * {@link org.hivescan.bytes.HiveClosedException}, and a read already running finishes or throws it, never worse.
 *
 * <p><b>Budgets.</b> Every public read is one operation (a lookup, a list of subkeys or values, a value's data, a
 * walk) with its own budget of cells resolved, values and data handed out, so hostile shared structures stop
 * within the operation while a healthy hive answers for as long as it is open.
 *
 * <p><b>Errors.</b> All are unchecked {@link org.hivescan.bytes.HiveException}s; see there.
 */
public final class Hive implements AutoCloseable {
    private static final int MAX_CACHED_DESCRIPTORS = 4096;

    private final HiveBytes bytes;
    private final HiveOptions options;
    private final BaseBlock baseBlock;
    private final CellSpace space;
    private final Diagnostics diagnostics;
    private final Key root;
    private final Map<Long, Optional<String>> descriptors = new ConcurrentHashMap<>();
    private volatile HiveKind kind;
    /**
     * Key and value nodes that could not be read, with why. A lookup's linear scan meets the same damaged entries
     * on every call, and each read built a new exception: found by fuzzing, 30 lookups over a list of 1000 damaged
     * entries allocated 50 MB. A repeat is reported again (a strict hive throws it, a lenient one counts it once).
     */
    private final Map<Long, HiveFormatException> unreadableKeys = new ConcurrentHashMap<>();
    private final Map<Long, HiveFormatException> unreadableValues = new ConcurrentHashMap<>();
    private static final int MAX_UNREADABLE_NODES = 4096;

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

    /** Opens the primary file as it is, without replaying its transaction logs (see the class comment). */
    public static Hive openWithoutReplay(Path file) throws HiveFormatException {
        return openWithoutReplay(file, HiveOptions.lenient());
    }

    /** Opens the primary file as it is, without replaying its transaction logs (see the class comment). */
    public static Hive openWithoutReplay(Path file, HiveOptions options) throws HiveFormatException {
        return open(HiveBytes.open(file), options);
    }

    /**
     * Opens a hive over bytes the caller supplies, as they are (no log replay); the hive owns them from now on and
     * closes them.
     */
    public static Hive open(HiveBytes bytes, HiveOptions options) throws HiveFormatException {
        try {
            return new Hive(bytes, options);
        } catch (RuntimeException | Error e) {
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

    /** The base block's facts in plain types (after replay, for a hive made whole from its logs). */
    public HiveHeader header() {
        return new HiveHeader(baseBlock.version(), Integer.toUnsignedLong(baseBlock.primarySequence()),
                Integer.toUnsignedLong(baseBlock.secondarySequence()), baseBlock.lastWritten(),
                Integer.toUnsignedLong(baseBlock.storedChecksum()), baseBlock.checksumValid(), baseBlock.fileName(),
                baseBlock.hiveBinsDataSize(), space.bins().bins().size(), baseBlock.isDirty(),
                baseBlock.dirtyReasons());
    }

    /** The format layer's base block; internal to the library (tests reach it through a test helper). */
    BaseBlock baseBlock() {
        return baseBlock;
    }

    /** The format layer's cell space; internal to the library. */
    CellSpace space() {
        return space;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public Key root() {
        return root;
    }

    /** What kind of hive this is, guessed from its stored file name and its top-level keys. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public HiveKind kind() throws HiveFormatException {
        HiveKind known = kind;
        if (known == null) {
            try (CellSpace.Scope op = space.begin()) {
                known = HiveKind.detect(this);
            }
            kind = known;
        }
        return known;
    }

    /** Resolves a path below the root ({@code \} between names, any case, optional HKLM prefix); see {@link KeyPath}. */
    public Optional<Key> key(String path) throws HiveFormatException {
        return resolve(path).map(KeyPath.Resolution::key);
    }

    /** Like {@link #key} but also says which control set a {@code CurrentControlSet} segment became. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public Optional<KeyPath.Resolution> resolve(String path) throws HiveFormatException {
        try (CellSpace.Scope op = space.begin()) {
            return KeyPath.resolve(this, path);
        }
    }

    /** Visits every key and value, depth first; see {@link HiveWalker}. */
    public void walk(HiveVisitor visitor) throws HiveFormatException, IOException {
        walkFrom(root, visitor);
    }

    /** Visits {@code start} and everything below it. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public void walkFrom(Key start, HiveVisitor visitor) throws HiveFormatException, IOException {
        try (CellSpace.Scope op = space.begin()) {
            new HiveWalker(this, start, visitor).run();
        }
    }

    /** Begins one operation with fresh budgets on this thread, or joins the one running. */
    CellSpace.Scope begin() {
        return space.begin();
    }

    /** Reads the key node at a list entry, or reports why it cannot and returns null. */
    Key childAt(long offset, Key parent) throws HiveFormatException {
        try {
            return new Key(this, KeyNode.read(space, knownReadable(unreadableKeys, offset)), parent);
        } catch (HiveFormatException e) {
            reportUnreadable(unreadableKeys, offset, e);
            return null;
        }
    }

    /** Rethrows the old exception of a node already found unreadable, so that it is not read (and built) again. */
    private static long knownReadable(Map<Long, HiveFormatException> unreadable, long offset)
            throws HiveFormatException {
        // Sound hives never fill the map; an empty one needs no boxed lookup for each of a walk's nodes.
        HiveFormatException known = unreadable.isEmpty() ? null : unreadable.get(offset);
        if (known != null) {
            throw known;
        }
        return offset;
    }

    private void reportUnreadable(Map<Long, HiveFormatException> unreadable, long offset, HiveFormatException e)
            throws HiveFormatException {
        // A spent budget is no property of the node: later reads must still meet the budget, not this cache.
        if (!(e instanceof LimitExceededException) && unreadable.size() < MAX_UNREADABLE_NODES) {
            unreadable.putIfAbsent(offset, e);
        }
        diagnostics.report(e);
    }

    /** All key-node offsets of a key's subkey list, flattening index roots; damaged parts are reported. */
    long[] subkeyOffsets(KeyNode nk) throws HiveFormatException {
        if (nk.subkeyCount() == 0 || nk.hasNoSubkeyList()) {
            return new long[0];
        }
        long[] offsets = SubkeyIndex.keyOffsets(space, nk.subkeyListOffset(), nk.subkeyCount(), diagnostics);
        checkSubkeyCount(nk, offsets.length);
        return offsets;
    }

    /** A key's subkey list as one sequence read on demand; a count mismatch is reported. */
    SubkeyIndex subkeyIndex(KeyNode nk) throws HiveFormatException {
        SubkeyIndex index = SubkeyIndex.open(space, nk.subkeyListOffset(), nk.subkeyCount(), diagnostics);
        checkSubkeyCount(nk, index.size());
        return index;
    }

    private void checkSubkeyCount(KeyNode nk, int found) throws HiveFormatException {
        if (found != nk.subkeyCount()) {
            diagnostics.report(space.problem(Offsets.toFile(nk.offset()) + space.cellHeader() + 20,
                    "key node subkey count", "expected the subkey lists to hold the key's " + nk.subkeyCount()
                            + " subkeys, found " + found));
        }
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
        CellSpace.Operation op = space.operation();
        op.values += list.size();
        long budget = HiveOptions.valueBudget(space.bins().limit());
        if (op.valuesSpent == null && op.values > budget) {
            // Shared value lists (testdata/hardening/shared-lists): stop before they hand out values without end.
            op.valuesSpent = new LimitExceededException(bytes.resource(), Offsets.toFile(list.offset()),
                    "value list", "value keys read in one operation (shared value lists?)", op.values, budget);
        }
        if (op.valuesSpent != null) {
            throw op.valuesSpent;
        }
        List<Value> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(new Value(this, ValueKey.read(space, knownReadable(unreadableValues, list.element(i)))));
            } catch (HiveFormatException e) {
                reportUnreadable(unreadableValues, list.element(i), e);
            }
        }
        return out;
    }

    /**
     * Counts value data handed out; called with 0 before a read too, so that a spent budget refuses the read before
     * it allocates anything. Without this, value keys sharing one data cell let a 44 KiB hive hand out 64 MB, more
     * than a 128 MiB heap holds as a listing (testdata/hardening/shared-data-cell).
     */
    void chargeData(int count, ValueKey vk) throws LimitExceededException {
        CellSpace.Operation op = space.operation();
        op.dataBytes += count;
        long budget = HiveOptions.dataBudget(space.bins().limit());
        if (op.dataSpent == null && (op.dataBytes > budget || count == 0 && op.dataBytes == budget)) {
            op.dataSpent = new LimitExceededException(bytes.resource(), Offsets.toFile(vk.offset()), "value key",
                    "value data bytes read in one operation (shared data cells?)", op.dataBytes, budget);
        }
        if (op.dataSpent != null) {
            throw op.dataSpent;
        }
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

    /** True once {@link #close()} has been called. */
    public boolean isClosed() {
        return bytes.isClosed();
    }

    @Override
    public void close() throws IOException {
        bytes.close();
        descriptors.clear();
    }
}
