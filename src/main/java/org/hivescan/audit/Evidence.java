package org.hivescan.audit;

/**
 * One registry read behind a verdict: which value was consulted and what was found, plus the default the rule
 * assumed when the value decided nothing.
 *
 * @param hive the hive read
 * @param key the full key path with the control set resolved, e.g. HKLM\SYSTEM\ControlSet002\Control\...
 * @param value the value name; null when only the key's existence was consulted; "" is the default value
 * @param keyExists whether the key exists
 * @param found whether the value exists (false when the key is missing)
 * @param type the registry type name when found (REG_DWORD, REG_QWORD, ...)
 * @param data the data as text when found (hex and decimal for numbers); hive text, so escape it on output
 * @param assumed the default assumed instead, or null
 * @param reason why that default applies, or null
 */
public record Evidence(HiveRole hive, String key, String value, boolean keyExists, boolean found, String type,
        String data, String assumed, String reason) {

    /** The same reading with an assumed default and its reason. */
    public Evidence assuming(String assumedDefault, String why) {
        return new Evidence(hive, key, value, keyExists, found, type, data, assumedDefault, why);
    }

    /** A short description of what was found: "REG_DWORD 0x00000001 (1)", "absent", "key absent". */
    public String foundText() {
        if (found) {
            return type + " " + data;
        }
        return keyExists || value == null ? (keyExists ? "absent" : "key absent") : "absent (key absent)";
    }
}
