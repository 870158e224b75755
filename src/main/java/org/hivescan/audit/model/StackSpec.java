package org.hivescan.audit.model;

import java.util.List;

/**
 * A readiness stack (§8 Aggregation).
 *
 * @param id stable id used in JSON (winhttp, dotnet, schannel_client, cipher_overlap)
 * @param title what the report calls it
 * @param rules the rules that must be PASS, WARN or N/A
 * @param prerequisites rules that, when FAIL or UNKNOWN, mean the registry alone cannot make the stack ready
 */
public record StackSpec(String id, String title, List<String> rules, List<String> prerequisites) {
    public StackSpec {
        rules = rules == null ? List.of() : List.copyOf(rules);
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    }
}
