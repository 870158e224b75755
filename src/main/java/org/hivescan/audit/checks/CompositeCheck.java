package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import org.hivescan.audit.Verdict;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.bytes.HiveFormatException;

/**
 * {@code any_of} and {@code all_of}: combine nested checks. all_of is as bad as its worst part; any_of passes
 * when one part passes, and is otherwise UNKNOWN if a part is, else as bad as its worst part.
 */
final class CompositeCheck implements CheckKind {
    private final boolean any;

    CompositeCheck(boolean any) {
        this.any = any;
    }

    @Override
    public Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        Outcome gate = Gate.appliesIf(spec, ctx);
        if (gate != null) {
            return gate;
        }
        List<Outcome> parts = new ArrayList<>();
        for (CheckSpec c : spec.checks()) {
            parts.add(ctx.evaluate(c));
        }
        if (!any) {
            return Outcome.combine(parts, "; ");
        }
        for (Outcome o : parts) {
            if (o.verdict() == Verdict.PASS) {
                return Outcome.of(Verdict.PASS, o.detail());
            }
        }
        Outcome all = Outcome.combine(parts, "; ");
        boolean unknown = parts.stream().anyMatch(o -> o.verdict() == Verdict.UNKNOWN);
        return unknown ? Outcome.of(Verdict.UNKNOWN, all.detail()) : all.withChanges(List.of()).fixable(false);
    }
}
