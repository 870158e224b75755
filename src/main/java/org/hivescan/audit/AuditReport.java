package org.hivescan.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one audit found.
 *
 * @param rulesVersion the rules_version of the rule set used
 * @param ruleSchemaVersion the schema_version of the rule file format
 * @param rulesCustomized whether a site file changed the built-in rules
 * @param host the host facts
 * @param hives the hives read
 * @param rules one result per enabled rule, in rule-file order
 * @param stacks one result per stack
 * @param overall READY, NOT READY or UNKNOWN
 * @param fixableByRegistry whether the planned registry changes alone would make the host READY
 * @param fixBlockers why not, one line per blocking rule
 * @param tls12Only whether the planned changes are the strict variant
 */
public record AuditReport(String rulesVersion, int ruleSchemaVersion, boolean rulesCustomized, HostFacts host,
        List<HiveInfo> hives, List<RuleResult> rules, List<StackResult> stacks, Readiness overall,
        boolean fixableByRegistry, List<String> fixBlockers, boolean tls12Only) {

    public AuditReport {
        hives = List.copyOf(hives);
        rules = List.copyOf(rules);
        stacks = List.copyOf(stacks);
        fixBlockers = List.copyOf(fixBlockers);
    }

    /** All planned changes, merged where several rules need the same value, in hive then rule order. */
    public List<RegChange> changes() {
        List<RegChange> merged = new ArrayList<>();
        for (HiveRole role : HiveRole.values()) {
            for (RuleResult r : rules) {
                for (RegChange c : r.changes()) {
                    if (c.hive() == role) {
                        addMerged(merged, c);
                    }
                }
            }
        }
        return merged;
    }

    private static void addMerged(List<RegChange> merged, RegChange c) {
        for (int i = 0; i < merged.size(); i++) {
            RegChange m = merged.get(i);
            if (m.sameTarget(c)) {
                List<String> ids = new ArrayList<>(m.ruleIds());
                c.ruleIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
                merged.set(i, new RegChange(ids, m.hive(), m.path(), m.valueName(), m.data(), m.why(),
                        m.missingKeys()));
                return;
            }
        }
        merged.add(c);
    }
}
