package org.hivescan.audit.checks;

import org.hivescan.audit.Verdict;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.bytes.HiveFormatException;

/** {@code applies_if}: a check that must pass for the rule to apply; otherwise the rule is N/A. */
final class Gate {
    private Gate() {
    }

    /** Null when the check applies; else the N/A (or UNKNOWN) outcome to return. */
    static Outcome appliesIf(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        if (spec.appliesIf() == null) {
            return null;
        }
        Outcome cond = ctx.evaluate(spec.appliesIf());
        if (cond.verdict() == Verdict.PASS) {
            return null;
        }
        if (cond.verdict() == Verdict.UNKNOWN) {
            return Outcome.of(Verdict.UNKNOWN, "cannot tell whether the rule applies: " + cond.detail());
        }
        return Outcome.of(Verdict.NA, "does not apply: " + cond.detail());
    }
}
