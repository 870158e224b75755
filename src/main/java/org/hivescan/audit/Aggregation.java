package org.hivescan.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hivescan.audit.model.StackSpec;

/**
 * §9.1 Stacks: a stack is ready when all its rules are PASS, WARN or N/A, not ready when one FAILs, unknown
 * otherwise; the host is NOT READY when a stack fails, else UNKNOWN when one is unknown, else READY. A stack's
 * members are the rules it lists and the (site) rules that declare they join it. Prerequisites (KB3140245 for
 * WinHTTP, the .NET 4.5-4.5.2 band) count the same way: a registry fix cannot make up for a missing update, so a
 * host with one must not turn READY once its registry is fixed. The registry alone can fix a host that is not
 * ready when every non-passing member rule has a registry fix and none is UNKNOWN; otherwise the blockers name
 * what stands in the way (never an empty list).
 */
final class Aggregation {
    private final Map<String, RuleResult> byId = new LinkedHashMap<>();
    private final List<StackResult> stacks = new ArrayList<>();
    private final List<String> blockers = new ArrayList<>();
    private final Readiness overall;
    private final boolean fixable;

    private final Map<String, List<String>> joined;

    /**
     * @param joined for each stack id, the rules that declare they join it (§9.1), besides those it lists
     */
    Aggregation(List<StackSpec> specs, List<RuleResult> results, Map<String, List<String>> joined) {
        this.joined = joined;
        results.forEach(r -> byId.put(r.id(), r));
        for (StackSpec s : specs) {
            stacks.add(stack(s));
        }
        overall = computeOverall();
        fixable = overall == Readiness.READY || collectBlockers(specs);
    }

    private List<String> members(StackSpec s) {
        List<String> all = new ArrayList<>(s.rules());
        for (String id : joined.getOrDefault(s.id(), List.of())) {
            if (!all.contains(id) && !s.prerequisites().contains(id)) {
                all.add(id);
            }
        }
        return all;
    }

    private StackResult stack(StackSpec s) {
        List<String> failing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> all = members(s);
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
            for (String id : members(specs.get(i))) {
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
