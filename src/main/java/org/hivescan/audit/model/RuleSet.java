package org.hivescan.audit.model;

import java.util.List;
import java.util.Map;

/**
 * A complete rule set: the built-in rules.yaml, possibly merged with a site file.
 *
 * @param schemaVersion version of the rule-file format (1)
 * @param rulesVersion version of the rule content, reported with every audit
 * @param source where the rules come from (the knowledge base document)
 * @param references short reference names to URLs
 * @param stacks the readiness stacks and the rules each one needs
 * @param tables OS defaults, cipher lists, key roots
 * @param rules the rules, in report order
 * @param origins for each rule id, which file defined or last changed it
 */
public record RuleSet(int schemaVersion, String rulesVersion, String source, Map<String, String> references,
        List<StackSpec> stacks, Tables tables, List<RuleSpec> rules, Map<String, String> origins) {

    /** The rules that are switched on, in order. */
    public List<RuleSpec> enabledRules() {
        return rules.stream().filter(RuleSpec::isEnabled).toList();
    }

    /** A reference given as a short name resolves through the references map; a URL stays as it is. */
    public String referenceUrl(String reference) {
        if (reference == null) {
            return null;
        }
        return references == null ? reference : references.getOrDefault(reference, reference);
    }

    public String origin(String ruleId) {
        return origins.getOrDefault(ruleId, "built-in");
    }

    /** The stacks a rule counts in (§9.1): those that list it, and those it declares itself. */
    public List<String> stacksOf(String ruleId) {
        List<String> out = new java.util.ArrayList<>();
        for (StackSpec s : stacks) {
            if (s.rules().contains(ruleId) || s.prerequisites().contains(ruleId)) {
                out.add(s.id());
            }
        }
        for (RuleSpec r : rules) {
            if (r.id().equals(ruleId)) {
                r.stacks().stream().filter(id -> !out.contains(id)).forEach(out::add);
            }
        }
        return out;
    }
}
