package org.hivescan.audit;

import java.util.List;
import org.hivescan.hive.RegistryType;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * One value looked up for a rule: where, whether the key and value exist, and typed views that accept only the
 * type the registry documents (a REG_QWORD or REG_SZ "0xA00" is not a DWORD: §0 value types).
 *
 * @param hive the hive
 * @param path the key path relative to the hive root, control set resolved
 * @param valueName the value name
 * @param key the key, or null when it does not exist
 * @param value the value, or null when it does not exist
 * @param evidence the evidence record of this reading
 */
public record Reading(HiveRole hive, String path, String valueName, Key key, Value value, Evidence evidence) {
    public boolean keyExists() {
        return key != null;
    }

    public boolean present() {
        return value != null;
    }

    public boolean isDword() {
        return present() && value.knownType() == RegistryType.REG_DWORD && value.dataSize() == 4;
    }

    /** The DWORD as an unsigned number, only for a well-formed REG_DWORD. */
    public Optional<Long> dword() throws HiveFormatException {
        return isDword() ? value.asDword() : Optional.empty();
    }

    /** A REG_DWORD or REG_QWORD as a number, for checks that accept either. */
    public Optional<Long> number() throws HiveFormatException {
        return present() ? value.asNumber() : Optional.empty();
    }

    /** REG_SZ or REG_EXPAND_SZ text. */
    public Optional<String> text() throws HiveFormatException {
        RegistryType type = present() ? value.knownType() : null;
        if (type != RegistryType.REG_SZ && type != RegistryType.REG_EXPAND_SZ) {
            return Optional.empty();
        }
        return value.asString();
    }

    /** REG_MULTI_SZ strings. */
    public Optional<List<String>> multiText() throws HiveFormatException {
        return present() && value.knownType() == RegistryType.REG_MULTI_SZ ? value.asMultiString() : Optional.empty();
    }

    public String typeName() {
        return present() ? value.typeName() : "absent";
    }

    /** The evidence with the default the rule assumed because this reading decided nothing. */
    public Evidence assuming(String assumed, String why) {
        return evidence.assuming(assumed, why);
    }
}
