package org.hivescan.hive;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hivescan.bytes.HiveFormatException;

/**
 * Which hive a file is, and where Windows mounts it. Detected from the file name stored in the base block and,
 * failing that, from the keys at the root, since copied files are often renamed.
 */
public enum HiveKind {
    SYSTEM("HKEY_LOCAL_MACHINE\\SYSTEM"),
    SOFTWARE("HKEY_LOCAL_MACHINE\\SOFTWARE"),
    SAM("HKEY_LOCAL_MACHINE\\SAM"),
    SECURITY("HKEY_LOCAL_MACHINE\\SECURITY"),
    COMPONENTS("HKEY_LOCAL_MACHINE\\COMPONENTS"),
    BCD("HKEY_LOCAL_MACHINE\\BCD00000000"),
    DEFAULT("HKEY_USERS\\.DEFAULT"),
    NTUSER("HKEY_CURRENT_USER"),
    USRCLASS("HKEY_CURRENT_USER\\Software\\Classes"),
    AMCACHE("HKEY_LOCAL_MACHINE\\Amcache"),
    UNKNOWN("HKEY_LOCAL_MACHINE\\HIVE");

    private final String mountPoint;

    HiveKind(String mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** The registry path under which Windows shows this hive, used as the root of a .reg export. */
    public String mountPoint() {
        return mountPoint;
    }

    /** The key name that follows HKLM for a machine hive (SYSTEM, SOFTWARE, ...), or null. */
    public String machineKeyName() {
        return mountPoint.startsWith("HKEY_LOCAL_MACHINE\\") ? mountPoint.substring(19) : null;
    }

    /** The key names of the mount point, the root key spelled out ({@code HKEY_LOCAL_MACHINE}, {@code SOFTWARE}). */
    public List<String> mountNames() {
        return List.of(mountPoint.split("\\\\"));
    }

    /**
     * The names of a user's path below this hive's root: a leading mount point is dropped in any spelling Windows
     * tools print or accept ({@code HKLM\SOFTWARE}, {@code HKEY_LOCAL_MACHINE\SOFTWARE}, {@code HKCU},
     * {@code HKU\.DEFAULT}, {@code HKCU\Software\Classes}, any case), so every path the tool prints is accepted
     * back. A root key that is not this hive's mount point is dropped alone (the rest is looked up below the root).
     */
    public List<String> belowMount(List<String> names) {
        if (names.isEmpty() || !isRootKey(names.get(0))) {
            return names;
        }
        List<String> mount = mountNames();
        int matched = 0;
        while (matched < mount.size() && matched < names.size()
                && sameRootName(names.get(matched), mount.get(matched), matched)) {
            matched++;
        }
        return matched == mount.size() ? names.subList(matched, names.size()) : names.subList(1, names.size());
    }

    private static final Map<String, String> ROOT_ABBREVIATIONS = Map.of("HKLM", "HKEY_LOCAL_MACHINE",
            "HKCU", "HKEY_CURRENT_USER", "HKU", "HKEY_USERS", "HKCR", "HKEY_CLASSES_ROOT", "HKCC",
            "HKEY_CURRENT_CONFIG");

    private static String rootName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return ROOT_ABBREVIATIONS.getOrDefault(upper, upper);
    }

    /** True when a path's first name is a root key ({@code HKLM}, {@code HKEY_USERS}, ...), not a key below a root. */
    public static boolean isRootKey(String name) {
        return rootName(name).startsWith("HKEY_");
    }

    private static boolean sameRootName(String typed, String mount, int position) {
        return position == 0 ? rootName(typed).equals(mount) : typed.equalsIgnoreCase(mount);
    }

    /**
     * What the hive is. The root's keys decide where they are unmistakable, since the stored name is often not the
     * hive's: tools that build hives from a template keep the template's name (hivex's empty hive stores
     * {@code \??\UNC\...\DEFAULT}), and copied files get renamed. A machine hive's own stored name is trusted
     * without reading keys; otherwise the stored name decides, then weaker content signs.
     */
    static HiveKind detect(Hive hive) throws HiveFormatException {
        HiveKind byName = fromStoredName(hive.baseBlock().fileName());
        if (byName != DEFAULT && byName != NTUSER && byName != USRCLASS && byName != UNKNOWN) {
            return byName;
        }
        HiveKind byContent = machineHiveByContent(hive.root());
        if (byContent != null) {
            return byContent;
        }
        if (byName != UNKNOWN) {
            return byName;
        }
        Key root = hive.root();
        if (has(root, "SAM") && root.subkeyCount() <= 2) {
            return SAM;
        }
        if (has(root, "Policy")) {
            return SECURITY;
        }
        if (has(root, "Objects") && has(root, "Description")) {
            return BCD;
        }
        if (has(root, "Software") && (has(root, "Control Panel") || has(root, "Environment"))) {
            return NTUSER;
        }
        return UNKNOWN;
    }

    /**
     * SYSTEM has {@code Select} and its control sets; SOFTWARE has {@code Microsoft} at its root, which a user hive
     * never has (there it sits below {@code Software}), and no {@code Control Panel}.
     */
    private static HiveKind machineHiveByContent(Key root) throws HiveFormatException {
        if (has(root, "Select") || has(root, "ControlSet001") || has(root, "ControlSet002")) {
            return SYSTEM;
        }
        if (has(root, "Microsoft") && !has(root, "Control Panel") && !has(root, "AppEvents")) {
            return SOFTWARE;
        }
        return null;
    }

    private static boolean has(Key key, String name) throws HiveFormatException {
        return key.subkey(name).isPresent();
    }

    static HiveKind fromStoredName(String stored) {
        String name = stored.replace('/', '\\');
        name = name.substring(name.lastIndexOf('\\') + 1).toUpperCase(Locale.ROOT);
        switch (name) {
            case "SYSTEM": return SYSTEM;
            case "SOFTWARE": return SOFTWARE;
            case "SAM": return SAM;
            case "SECURITY": return SECURITY;
            case "COMPONENTS": return COMPONENTS;
            case "BCD": return BCD;
            case "DEFAULT": return DEFAULT;
            case "NTUSER.DAT": return NTUSER;
            case "USRCLASS.DAT": return USRCLASS;
            case "AMCACHE.HVE": return AMCACHE;
            default: return UNKNOWN;
        }
    }
}
