package org.hivescan.report.explore;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * The keys and values added, removed and changed between two hives (or two subtrees), compared by path and name
 * case-insensitively as Windows compares them. A value has changed when its type or its data bytes differ. Only
 * a fingerprint of each value is kept while walking (type, size, a 128-bit hash of the data), so two large hives
 * can be compared without holding their data; the values that differ are read again for the report.
 */
public final class HiveDiff {
    /** A value on one side: its key, name, and the value itself for rendering. */
    public record ValueRef(String keyPath, Key key, Value value) {
    }

    /** A value present on both sides with different type or data. */
    public record Change(String keyPath, Value before, Value after) {
    }

    /** The differences, each list in path order. */
    public record Result(List<String> keysAdded, List<String> keysRemoved, List<ValueRef> valuesAdded,
            List<ValueRef> valuesRemoved, List<Change> valuesChanged) {
        public boolean identical() {
            return keysAdded.isEmpty() && keysRemoved.isEmpty() && valuesAdded.isEmpty() && valuesRemoved.isEmpty()
                    && valuesChanged.isEmpty();
        }
    }

    private record Fingerprint(int type, int size, long hashHigh, long hashLow, boolean readable) {
    }

    private record KeyEntry(String displayPath, Key key, Map<String, ValueEntry> values) {
    }

    private record ValueEntry(Value value, Fingerprint fingerprint) {
    }

    private HiveDiff() {
    }

    /**
     * Compares the subtree at {@code startA} of {@code a} with the one at {@code startB} of {@code b}; paths are
     * shown under {@code mountPoint}, relative to the starting keys.
     */
    public static Result compare(Hive a, Key startA, Hive b, Key startB, String mountPoint)
            throws HiveFormatException, IOException {
        Map<String, KeyEntry> before = index(a, startA, mountPoint);
        Map<String, KeyEntry> after = index(b, startB, mountPoint);
        List<String> keysAdded = new ArrayList<>();
        List<String> keysRemoved = new ArrayList<>();
        List<ValueRef> valuesAdded = new ArrayList<>();
        List<ValueRef> valuesRemoved = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<String, KeyEntry> e : before.entrySet()) {
            KeyEntry old = e.getValue();
            KeyEntry now = after.get(e.getKey());
            if (now == null) {
                keysRemoved.add(old.displayPath());
                old.values().values().forEach(v -> valuesRemoved.add(new ValueRef(old.displayPath(), old.key(),
                        v.value())));
                continue;
            }
            compareValues(old, now, valuesAdded, valuesRemoved, changed);
        }
        for (Map.Entry<String, KeyEntry> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                KeyEntry now = e.getValue();
                keysAdded.add(now.displayPath());
                now.values().values().forEach(v -> valuesAdded.add(new ValueRef(now.displayPath(), now.key(),
                        v.value())));
            }
        }
        return new Result(keysAdded, keysRemoved, valuesAdded, valuesRemoved, changed);
    }

    private static void compareValues(KeyEntry old, KeyEntry now, List<ValueRef> added, List<ValueRef> removed,
            List<Change> changed) {
        for (Map.Entry<String, ValueEntry> v : old.values().entrySet()) {
            ValueEntry other = now.values().get(v.getKey());
            if (other == null) {
                removed.add(new ValueRef(old.displayPath(), old.key(), v.getValue().value()));
            } else if (!other.fingerprint().equals(v.getValue().fingerprint())) {
                changed.add(new Change(now.displayPath(), v.getValue().value(), other.value()));
            }
        }
        for (Map.Entry<String, ValueEntry> v : now.values().entrySet()) {
            if (!old.values().containsKey(v.getKey())) {
                added.add(new ValueRef(now.displayPath(), now.key(), v.getValue().value()));
            }
        }
    }

    /** Every key below {@code start}, by lower-cased relative path in sorted order, with its values' prints. */
    private static Map<String, KeyEntry> index(Hive hive, Key start, String mountPoint)
            throws HiveFormatException, IOException {
        Map<String, KeyEntry> keys = new TreeMap<>();
        int skip = start.pathNames().size();
        hive.walkFrom(start, new HiveVisitor() {
            private KeyEntry current;

            @Override
            public boolean key(Key key) {
                List<String> names = key.pathNames();
                String relative = String.join("\\", names.subList(skip, names.size()));
                String display = relative.isEmpty() ? mountPoint : mountPoint + "\\" + relative;
                current = new KeyEntry(display, key, new LinkedHashMap<>());
                keys.put(relative.toLowerCase(Locale.ROOT), current);
                return true;
            }

            @Override
            public void value(Key key, Value value) throws HiveFormatException {
                current.values().put(value.name().toLowerCase(Locale.ROOT),
                        new ValueEntry(value, fingerprint(value)));
            }
        });
        return keys;
    }

    private static Fingerprint fingerprint(Value value) throws HiveFormatException {
        try {
            byte[] data = value.data();
            var hash = Hashing.murmur3_128().hashBytes(data).asBytes();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(hash);
            return new Fingerprint(value.type(), data.length, b.getLong(), b.getLong(), true);
        } catch (HiveFormatException e) {
            value.hive().diagnostics().report(e);
            return new Fingerprint(value.type(), value.dataSize(), 0, 0, false);
        }
    }
}
