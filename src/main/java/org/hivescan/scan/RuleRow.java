package org.hivescan.scan;

import java.io.Serializable;
import java.util.List;

/**
 * One rule result of one host, flat, for tables and aggregations.
 *
 * @param hostId the host
 * @param build the Windows build text, or null
 * @param stacks the stacks the rule belongs to
 * @param rule the rule id
 * @param verdict PASS, FAIL, WARN, UNKNOWN or N/A
 * @param severity CRIT, HIGH, MED or INFO
 * @param evidence the key paths (with value names) the rule read
 */
public record RuleRow(String hostId, String build, List<String> stacks, String rule, String verdict,
        String severity, List<String> evidence) implements Serializable {
    private static final long serialVersionUID = 1L;

    public RuleRow {
        stacks = List.copyOf(stacks);
        evidence = List.copyOf(evidence);
    }
}
