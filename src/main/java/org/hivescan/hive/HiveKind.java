package org.hivescan.hive;

import java.util.Locale;
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

    /**
     * The stored name decides, unless it names a user hive while the root's keys are unmistakably a SYSTEM or
     * SOFTWARE hive's: tools that build hives from a template keep the template's name (hivex's empty hive says
     * {@code DEFAULT}), and such a SYSTEM hive must still take {@code HKLM\SYSTEM} paths and export under that
     * root. A machine hive's own name is trusted without reading its keys.
     */
    static HiveKind detect(Hive hive) throws HiveFormatException {
        HiveKind byName = fromStoredName(hive.baseBlock().fileName());
        if (byName == DEFAULT || byName == NTUSER || byName == USRCLASS) {
            HiveKind byContent = machineHiveByContent(hive.root());
            return byContent != null ? byContent : byName;
        }
        if (byName != UNKNOWN) {
            return byName;
        }
        HiveKind byContent = machineHiveByContent(hive.root());
        if (byContent != null) {
            return byContent;
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

    private static HiveKind machineHiveByContent(Key root) throws HiveFormatException {
        if (has(root, "Select") && (has(root, "ControlSet001") || has(root, "ControlSet002"))) {
            return SYSTEM;
        }
        if (has(root, "Microsoft") && (has(root, "Classes") || has(root, "Policies"))) {
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
