package org.hivescan.audit;

import java.util.HashMap;
import org.hivescan.hive.RegistryType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.hive.KeyPath;
import org.hivescan.hive.Value;

/**
 * Read access to the audited hives for rules. A SYSTEM path starting with {@code CurrentControlSet} is resolved
 * through {@code Select\Current} once (§0: the link exists only at run time), key lookups are cached, and every
 * reading carries its evidence record with the full path as Windows would show it.
 */
public final class Registry {
    private static final String CCS = "CurrentControlSet";
    private static final int MAX_DATA_CHARS = 2048;

    private final Hive system;
    private final Hive software;
    private final String controlSet;
    private final Map<String, Optional<Key>> keys = new HashMap<>();

    /** Either hive may be null; the control set is read from SYSTEM's Select\Current. */
    public Registry(Hive system, Hive software) throws HiveFormatException {
        this.system = system;
        this.software = software;
        this.controlSet = system == null ? null : KeyPath.currentControlSet(system).orElse(null);
    }

    public boolean has(HiveRole role) {
        return hive(role) != null;
    }

    Hive hive(HiveRole role) {
        return role == HiveRole.SYSTEM ? system : software;
    }

    /** ControlSet00N named by Select\Current, or null (no SYSTEM hive, or no usable Select\Current). */
    public String controlSet() {
        return controlSet;
    }

    /**
     * The path with a leading CurrentControlSet replaced by the control set in use; null when that is unknown.
     * Names are separated by {@code \} only: {@code /} is part of a name ({@code Ciphers\AES 128/128}, §9.4).
     */
    public String resolve(HiveRole role, String path) {
        String p = path;
        if (role == HiveRole.SYSTEM && startsWithCcs(p)) {
            return controlSet == null ? null : controlSet + p.substring(CCS.length());
        }
        return p;
    }

    static boolean startsWithCcs(String path) {
        return path.regionMatches(true, 0, CCS, 0, CCS.length())
                && (path.length() == CCS.length() || path.charAt(CCS.length()) == '\\');
    }

    /** "HKLM\SYSTEM\ControlSet001\..." for a resolved path. */
    public static String fullPath(HiveRole role, String resolvedPath) {
        return resolvedPath.isEmpty() ? role.shortMount() : role.shortMount() + "\\" + resolvedPath;
    }

    /** The key at a path (relative to the hive root, CurrentControlSet allowed). */
    public Optional<Key> key(HiveRole role, String path) throws HiveFormatException {
        Hive h = hive(role);
        String resolved = resolve(role, path);
        if (h == null || resolved == null) {
            return Optional.empty();
        }
        String cacheKey = role + "|" + resolved.toLowerCase(Locale.ROOT);
        Optional<Key> found = keys.get(cacheKey);
        if (found == null) {
            found = h.key(resolved);
            keys.put(cacheKey, found);
        }
        return found;
    }

    /** Looks a value up and builds its evidence. */
    public Reading read(HiveRole role, String path, String valueName) throws HiveFormatException {
        String resolved = resolve(role, path);
        Optional<Key> key = key(role, path);
        Value value = key.isPresent() ? key.get().value(valueName).orElse(null) : null;
        String shown = fullPath(role, resolved == null ? path : resolved);
        Evidence ev = value == null
                ? new Evidence(role, shown, valueName, key.isPresent(), false, null, null, null, null)
                : new Evidence(role, shown, valueName, true, true, value.typeName(), render(value), null, null);
        return new Reading(role, resolved == null ? path : resolved, valueName, key.orElse(null), value, ev);
    }

    /** Evidence that only a key's existence was consulted. */
    public Evidence keyEvidence(HiveRole role, String path) throws HiveFormatException {
        String resolved = resolve(role, path);
        boolean exists = key(role, path).isPresent();
        return new Evidence(role, fullPath(role, resolved == null ? path : resolved), null, exists, false, null,
                null, null, null);
    }

    /** Value data as evidence text: numbers in hex and decimal, strings quoted, lists comma-separated. */
    static String render(Value v) throws HiveFormatException {
        RegistryType t = v.knownType();
        boolean dword = t == RegistryType.REG_DWORD && v.dataSize() == 4;
        if (dword || t == RegistryType.REG_QWORD && v.dataSize() == 8) {
            long n = v.asNumber().orElseThrow();
            return dword ? String.format("0x%08X (%d)", n, n) : String.format("0x%016X (%s)", n,
                    Long.toUnsignedString(n));
        }
        if (t == RegistryType.REG_SZ || t == RegistryType.REG_EXPAND_SZ) {
            return clip("\"" + v.asString().orElse("") + "\"");
        }
        if (t == RegistryType.REG_MULTI_SZ) {
            return clip(String.join(", ", v.asMultiString().orElseThrow()));
        }
        return hex(v.data());
    }

    private static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder("hex:");
        for (int i = 0; i < data.length && i < 64; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format("%02x", data[i]));
        }
        return data.length > 64 ? sb + ",... (" + data.length + " bytes)" : sb.toString();
    }

    private static String clip(String s) {
        return s.length() <= MAX_DATA_CHARS ? s : s.substring(0, MAX_DATA_CHARS) + "... (" + s.length() + " chars)";
    }
}
