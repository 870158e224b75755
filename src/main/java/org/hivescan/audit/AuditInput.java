package org.hivescan.audit;

import org.hivescan.hive.Hive;
import org.hivescan.recovery.RecoveryReport;

/**
 * What to audit: up to two open hives (either may be absent), an optional build for hosts whose SOFTWARE hive is
 * missing, and the fix variant to plan.
 *
 * @param system the SYSTEM hive, or null
 * @param software the SOFTWARE hive, or null
 * @param osBuild the Windows build given with --os-build, or null
 * @param tls12Only plan the strict variant of the fixes
 */
public record AuditInput(InputHive system, InputHive software, Integer osBuild, boolean tls12Only) {

    /**
     * One hive as opened by the caller.
     *
     * @param path the file as the user named it (display only)
     * @param hive the open hive
     * @param recovery what log recovery found and did
     */
    public record InputHive(String path, Hive hive, RecoveryReport recovery) {
    }
}
