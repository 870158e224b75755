package org.hivescan.audit;

import java.util.List;

/**
 * One stack's readiness (§8 Aggregation).
 *
 * @param id stable id (winhttp, dotnet, schannel_client, cipher_overlap)
 * @param title e.g. "WinHTTP ready"
 * @param ready true, false, or null when unknown
 * @param failing the member rules that FAIL
 * @param unknown the member rules that are UNKNOWN
 * @param rules all member rules, prerequisites included
 * @param prerequisites the member rules that stand for an update or upgrade the registry cannot supply
 */
public record StackResult(String id, String title, Boolean ready, List<String> failing, List<String> unknown,
        List<String> rules, List<String> prerequisites) {

    public StackResult {
        failing = List.copyOf(failing);
        unknown = List.copyOf(unknown);
        rules = List.copyOf(rules);
        prerequisites = List.copyOf(prerequisites);
    }

    public Readiness readiness() {
        return Readiness.of(ready);
    }
}
