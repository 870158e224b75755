package org.hivescan.audit;

import java.util.List;

/**
 * A hive the audit read, and what log recovery found.
 *
 * @param role SYSTEM or SOFTWARE
 * @param path the file as the user named it
 * @param given whether the hive was supplied at all (false: the rules that need it are UNKNOWN)
 * @param dirty whether the primary file was dirty
 * @param logsFound how many transaction logs belong to it
 * @param logsApplied whether log data was replayed
 * @param notes what recovery said, one line each
 */
public record HiveInfo(HiveRole role, String path, boolean given, boolean dirty, int logsFound,
        boolean logsApplied, List<String> notes) {

    public HiveInfo {
        notes = List.copyOf(notes);
    }

    public static HiveInfo missing(HiveRole role) {
        return new HiveInfo(role, null, false, false, 0, false, List.of());
    }
}
