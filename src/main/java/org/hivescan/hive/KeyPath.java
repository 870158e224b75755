package org.hivescan.hive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;

/**
 * Key paths: names separated by {@code \} only, any case, and optionally the hive's mount point in front
 * ({@code HKLM\SOFTWARE\...}, {@code HKEY_LOCAL_MACHINE\SYSTEM\...}). A key name may contain {@code /} (SChannel's
 * {@code Ciphers\AES 128/128}, regf stores names as they are), so {@code /} is never a separator here; only
 * {@link #resolveTyped} accepts it, as a fallback for paths typed without any {@code \}.
 *
 * <p>{@code CurrentControlSet} is not stored in a SYSTEM file: Windows builds it at boot as a volatile link. Offline
 * it is resolved through {@code Select\Current} to {@code ControlSet00N} (KB102984), and the resolution says so.
 */
public final class KeyPath {
    private KeyPath() {
    }

    /**
     * @param key the key found
     * @param controlSet the control set a {@code CurrentControlSet} segment was mapped to, or null
     */
    public record Resolution(Key key, String controlSet) {
    }

    /** The names of a path split on {@code \} (empty names dropped); {@code /} stays part of a name. */
    public static List<String> split(String path) {
        return split(path, '\\');
    }

    private static List<String> split(String path, char separator) {
        List<String> names = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf(separator, start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                names.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return names;
    }

    static Optional<Resolution> resolve(Hive hive, String path) throws HiveFormatException {
        return resolveNames(hive, split(path));
    }

    /**
     * A path as a user typed it: first exactly as {@link #resolve} reads it ({@code \} only), so every existing name
     * is reachable; only when that finds nothing and the path holds no {@code \} at all, {@code /} is tried as the
     * separator ({@code ControlSet001/Control}). A path with a {@code \} is never re-split: there {@code /} is part of a
     * name.
     */
    public static Optional<Resolution> resolveTyped(Hive hive, String path) throws HiveFormatException {
        Optional<Resolution> literal = resolve(hive, path);
        if (literal.isEmpty()) {
            literal = withoutHiveName(hive, split(path));
        }
        if (literal.isPresent() || path.indexOf('\\') >= 0 || path.indexOf('/') < 0) {
            return literal;
        }
        return resolveNames(hive, split(path, '/'));
    }

    /**
     * {@code SYSTEM\CurrentControlSet\...} on a SYSTEM hive, as .reg files and audit plans name keys below
     * {@code HKLM}: the hive's own name first, without a root key. Tried only after the path failed as typed.
     */
    private static Optional<Resolution> withoutHiveName(Hive hive, List<String> names) throws HiveFormatException {
        List<String> mount = split(hive.kind().mountPoint());
        String hiveName = mount.isEmpty() ? "" : mount.get(mount.size() - 1);
        if (names.size() < 2 || HiveKind.isRootKey(hiveName) || !names.get(0).equalsIgnoreCase(hiveName)) {
            return Optional.empty();
        }
        return resolveNames(hive, names.subList(1, names.size()));
    }

    private static Optional<Resolution> resolveNames(Hive hive, List<String> path) throws HiveFormatException {
        List<String> names = stripMountPoint(hive, path);
        Key key = hive.root();
        String controlSet = null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<Key> next = key.subkey(name);
            if (next.isEmpty() && i == 0 && name.equalsIgnoreCase("CurrentControlSet")) {
                controlSet = currentControlSet(hive).orElse(null);
                next = controlSet == null ? Optional.empty() : key.subkey(controlSet);
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            key = next.get();
        }
        return Optional.of(new Resolution(key, controlSet));
    }

    /** The control set that {@code Select\Current} names, as {@code ControlSet00N}; empty when there is none. */
    public static Optional<String> currentControlSet(Hive hive) throws HiveFormatException {
        Optional<Key> select = hive.root().subkey("Select");
        if (select.isEmpty()) {
            return Optional.empty();
        }
        Optional<Value> current = select.get().value("Current");
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> n = current.get().asDword();
        if (n.isEmpty() || n.get() < 1 || n.get() > 999) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "ControlSet%03d", n.get()));
    }

    private static List<String> stripMountPoint(Hive hive, List<String> names) throws HiveFormatException {
        return names.isEmpty() || !HiveKind.isRootKey(names.get(0)) ? names : hive.kind().belowMount(names);
    }
}
