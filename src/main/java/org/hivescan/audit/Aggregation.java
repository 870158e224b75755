package org.hivescan.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hivescan.audit.model.StackSpec;

/**
 * §8 Aggregation: a stack is ready when all its rules are PASS, WARN or N/A, not ready when one FAILs, unknown
 * otherwise; the host is READY when every stack is. A stack's prerequisites (KB3140245 for WinHTTP, .NET 4.6.2+ for
 * .NET) count the same way: a registry fix cannot make up for a missing update or upgrade, so a host with one must
 * not turn READY once its registry is fixed. The registry alone can fix a host that is not ready when every
 * failing member rule has a registry fix and no prerequisite is FAIL or UNKNOWN.
 */
final class Aggregation {
    private final Map<String, RuleResult> byId = new LinkedHashMap<>();
    private final List<StackResult> stacks = new ArrayList<>();
    private final List<String> blockers = new ArrayList<>();
    private final Readiness overall;
    private final boolean fixable;

    Aggregation(List<StackSpec> specs, List<RuleResult> results) {
        results.forEach(r -> byId.put(r.id(), r));
        for (StackSpec s : specs) {
            stacks.add(stack(s));
        }
        overall = computeOverall();
        fixable = overall == Readiness.READY || (overall == Readiness.NOT_READY && collectBlockers(specs));
    }

    private StackResult stack(StackSpec s) {
        List<String> failing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> all = new ArrayList<>(s.rules());
        all.addAll(s.prerequisites());
        for (String id : all) {
            RuleResult r = byId.get(id);
            if (r == null) {
                continue;
            }
            members.add(id);
            if (r.verdict() == Verdict.FAIL) {
                failing.add(id);
            } else if (r.verdict() == Verdict.UNKNOWN) {
                unknown.add(id);
            }
        }
        Boolean ready = !failing.isEmpty() ? Boolean.FALSE : !unknown.isEmpty() ? null : Boolean.TRUE;
        return new StackResult(s.id(), s.title(), ready, failing, unknown, members, s.prerequisites());
    }

    private Readiness computeOverall() {
        if (stacks.stream().anyMatch(s -> Boolean.FALSE.equals(s.ready()))) {
            return Readiness.NOT_READY;
        }
        return stacks.stream().anyMatch(s -> s.ready() == null) ? Readiness.UNKNOWN : Readiness.READY;
    }

    /** Records why the registry alone cannot fix the stacks that are not ready; true when nothing blocks. */
    private boolean collectBlockers(List<StackSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            if (Boolean.TRUE.equals(stacks.get(i).ready())) {
                continue;
            }
            for (String id : specs.get(i).rules()) {
                block(byId.get(id), false);
            }
            for (String id : specs.get(i).prerequisites()) {
                block(byId.get(id), true);
            }
        }
        return blockers.isEmpty();
    }

    private void block(RuleResult r, boolean prerequisite) {
        if (r == null || r.verdict().isOk()) {
            return;
        }
        boolean blocks = r.verdict() == Verdict.UNKNOWN || prerequisite || !r.fixableByRegistry();
        String line = r.id() + " " + r.verdict().label() + ": " + r.finding();
        if (blocks && !blockers.contains(line)) {
            blockers.add(line);
        }
    }

    List<StackResult> stacks() {
        return stacks;
    }

    Readiness overall() {
        return overall;
    }

    boolean fixable() {
        return fixable;
    }

    List<String> blockers() {
        return blockers;
    }
}
