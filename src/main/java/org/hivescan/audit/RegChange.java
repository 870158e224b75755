package org.hivescan.audit;

import java.util.List;

/**
 * One registry change a fix needs. Paths are relative to the hive root; SYSTEM paths start with
 * {@code CurrentControlSet}, which the live .reg keeps and the offline .reg replaces with the control set in use.
 * Every name and every datum here comes from the rules, never from hive text, except list entries that passed
 * the suite-name filter of the cipher check.
 *
 * @param ruleIds the rules that need this change (several rules can need the same one)
 * @param hive the hive the change belongs to
 * @param path the key, relative to the hive root
 * @param valueName the value to set or delete
 * @param data what to write; {@link RegData.Delete} removes the value
 * @param why a one-line comment for the .reg file
 * @param missingKeys keys on the way to {@code path} that the offline hive lacks, top down (an offline merge with
 *     hivexregedit needs them created first; regedit.exe creates them itself)
 */
public record RegChange(List<String> ruleIds, HiveRole hive, String path, String valueName, RegData data,
        String why, List<String> missingKeys) {

    public RegChange {
        ruleIds = List.copyOf(ruleIds);
        missingKeys = List.copyOf(missingKeys);
    }

    /** Whether two changes write the same value (then they are merged into one line). */
    public boolean sameTarget(RegChange other) {
        return hive == other.hive && path.equalsIgnoreCase(other.path) && valueName.equalsIgnoreCase(other.valueName);
    }
}
