package org.hivescan.audit;

import java.util.List;

/**
 * The result of one rule.
 *
 * @param id rule id
 * @param title rule title
 * @param severity the severity of this result (a check may raise the rule's default)
 * @param verdict PASS, FAIL, WARN, UNKNOWN or N/A
 * @param finding one line saying what was found (may contain hive text: escape on output)
 * @param evidence every value consulted
 * @param remedy what to do
 * @param reference the reference URL
 * @param section where tls-rules.md explains the rule
 * @param changes the registry changes that fix it (empty when it passes or the registry cannot fix it)
 * @param fixableByRegistry whether registry changes alone can make it pass
 * @param origin built-in, or the site file that defined or changed it
 */
public record RuleResult(String id, String title, Severity severity, Verdict verdict, String finding,
        List<Evidence> evidence, String remedy, String reference, String section, List<RegChange> changes,
        boolean fixableByRegistry, String origin) {

    public RuleResult {
        evidence = List.copyOf(evidence);
        changes = List.copyOf(changes);
    }
}
