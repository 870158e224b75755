package org.hivescan.audit.model;

import java.util.List;
import java.util.Map;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Severity;

/**
 * One rule as written in the rule file.
 *
 * @param id stable rule id (OS1, S1, ...; site rules choose their own)
 * @param title one line
 * @param severity the default severity; a check may raise it for one finding (N4 below 4.5.2, S3 unsafe)
 * @param hives the hives the check reads; when one is missing the rule is UNKNOWN
 * @param section where tls-rules.md explains it
 * @param reference a URL or a short name from the references map
 * @param remedy what to do when it does not pass
 * @param messages optional finding templates by verdict (pass, fail, warn, unknown, na); {detail} stands for
 *     the check's own sentence
 * @param check what to evaluate
 * @param enabled false switches the rule off
 * @param stacks the stacks this rule joins besides those that list it (§9.1: a site rule declares them; one that
 *     joins none cannot change the overall verdict)
 */
public record RuleSpec(String id, String title, Severity severity, List<HiveRole> hives, String section,
        String reference, String remedy, Map<String, String> messages, CheckSpec check, Boolean enabled,
        List<String> stacks) {

    public RuleSpec {
        hives = hives == null ? List.of() : List.copyOf(hives);
        messages = messages == null ? Map.of() : Map.copyOf(messages);
        stacks = stacks == null ? List.of() : List.copyOf(stacks);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /** The hive a generic check reads when it names none: the rule's first hive, else SOFTWARE. */
    public HiveRole defaultHive() {
        return hives.isEmpty() ? HiveRole.SOFTWARE : hives.get(0);
    }
}
