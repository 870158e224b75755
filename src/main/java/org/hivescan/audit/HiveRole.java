package org.hivescan.audit;

/** The two hives the audit reads, and where Windows mounts them. */
public enum HiveRole {
    SYSTEM, SOFTWARE;

    /** The path Windows shows for the hive root, as used in evidence and .reg files. */
    public String mountPoint() {
        return "HKEY_LOCAL_MACHINE\\" + name();
    }

    /** The short form used in evidence. */
    public String shortMount() {
        return "HKLM\\" + name();
    }
}
