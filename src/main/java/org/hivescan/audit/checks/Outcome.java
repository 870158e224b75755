package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.Severity;
import org.hivescan.audit.Verdict;

/**
 * What a check found.
 *
 * @param verdict the verdict
 * @param detail one sentence: what was found (the finding, unless the rule's message template wraps it)
 * @param severity a severity replacing the rule's for this result, or null
 * @param changes registry changes that would make the check pass
 * @param fixable whether registry changes can make it pass at all
 */
public record Outcome(Verdict verdict, String detail, Severity severity, List<RegChange> changes, boolean fixable) {

    public Outcome {
        changes = List.copyOf(changes);
    }

    public static Outcome of(Verdict verdict, String detail) {
        return new Outcome(verdict, detail, null, List.of(), false);
    }

    public Outcome withChanges(List<RegChange> fix) {
        return new Outcome(verdict, detail, severity, fix, !fix.isEmpty());
    }

    public Outcome fixable(boolean canFix) {
        return new Outcome(verdict, detail, severity, changes, canFix);
    }

    public Outcome withSeverity(Severity s) {
        return new Outcome(verdict, detail, s, changes, fixable);
    }

    public Outcome withDetail(String d) {
        return new Outcome(verdict, d, severity, changes, fixable);
    }

    /**
     * Several readings of one check (views, sub-checks) as one outcome: the worst verdict, the details joined,
     * every change, fixable when every non-passing part is, and the highest severity override.
     */
    public static Outcome combine(List<Outcome> parts, String separator) {
        Verdict v = Verdict.NA;
        List<String> details = new ArrayList<>();
        List<RegChange> changes = new ArrayList<>();
        boolean fixable = true;
        Severity sev = null;
        for (Outcome o : parts) {
            v = v.worst(o.verdict());
            details.add(o.detail());
            changes.addAll(o.changes());
            fixable &= o.verdict().isOk() || o.fixable();
            sev = o.severity() == null ? sev : sev == null || o.severity().compareTo(sev) < 0 ? o.severity() : sev;
        }
        return new Outcome(v, String.join(separator, details), sev, changes, fixable && !v.isOk());
    }
}
