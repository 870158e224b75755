package org.hivescan.hive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;

/**
 * Paths as users type them: {@code \} or {@code /} between names, any case, and optionally the hive's mount point
 * in front ({@code HKLM\SOFTWARE\...}, {@code HKEY_LOCAL_MACHINE\SYSTEM\...}).
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

    public static List<String> split(String path) {
        List<String> names = new ArrayList<>();
        for (String part : path.split("[\\\\/]")) {
            if (!part.isEmpty()) {
                names.add(part);
            }
        }
        return names;
    }

    static Optional<Resolution> resolve(Hive hive, String path) throws HiveFormatException {
        List<String> names = stripMountPoint(hive, split(path));
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
