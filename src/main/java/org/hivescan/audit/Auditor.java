package org.hivescan.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hivescan.audit.checks.AuditContext;
import org.hivescan.audit.checks.CheckKinds;
import org.hivescan.audit.checks.Outcome;
import org.hivescan.audit.model.RuleSet;
import org.hivescan.audit.model.RuleSpec;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.RecoveryReport;

/**
 * Runs a rule set over a host's hives: reads the host facts, evaluates every enabled rule through its check kind,
 * then derives the per-stack readiness, the overall verdict and whether the registry alone can fix the host
 * (§8 Aggregation). An Auditor is immutable and may be reused for many hosts.
 */
public final class Auditor {
    private final RuleSet rules;
    private final CheckKinds kinds = new CheckKinds();

    /** Validates the rule set against the known check kinds. */
    public Auditor(RuleSet rules) {
        this.rules = rules;
        kinds.validate(rules);
    }

    public RuleSet rules() {
        return rules;
    }

    /** Audits hive files: opens them through the loader (logs replayed as configured), audits, closes them. */
    public AuditReport auditFiles(Path system, Path software, LoadOptions options, Integer osBuild,
            boolean tls12Only) throws HiveFormatException, java.io.IOException {
        try (LoadedHive sys = system == null ? null : HiveLoader.open(system, options);
                LoadedHive soft = software == null ? null : HiveLoader.open(software, options)) {
            return audit(new AuditInput(input(system, sys), input(software, soft), osBuild, tls12Only));
        }
    }

    private static AuditInput.InputHive input(Path path, LoadedHive loaded) {
        return loaded == null ? null : new AuditInput.InputHive(path.toString(), loaded.hive(), loaded.recovery());
    }

    public AuditReport audit(AuditInput in) throws HiveFormatException {
        Registry reg = new Registry(hive(in.system()), hive(in.software()));
        HostFactsReader factsReader = new HostFactsReader(reg, rules.tables());
        HostFacts facts = factsReader.read(in.osBuild());
        AuditContext ctx = new AuditContext(reg, facts, factsReader.evidence(), rules.tables(), kinds,
                in.tls12Only());
        List<RuleResult> results = new ArrayList<>();
        for (RuleSpec r : rules.enabledRules()) {
            results.add(evaluate(r, ctx, reg));
        }
        Aggregation agg = new Aggregation(rules.stacks(), results, joinedStacks());
        return new AuditReport(rules.rulesVersion(), rules.schemaVersion(), !rules.origins().isEmpty(), facts,
                List.of(info(HiveRole.SYSTEM, in.system()), info(HiveRole.SOFTWARE, in.software())), results,
                agg.stacks(), agg.overall(), agg.fixable(), agg.blockers(), in.tls12Only());
    }

    /** Stack id to the enabled rules that declare they join it (§9.1). */
    private java.util.Map<String, List<String>> joinedStacks() {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (RuleSpec r : rules.enabledRules()) {
            for (String stack : r.stacks()) {
                out.computeIfAbsent(stack, k -> new ArrayList<>()).add(r.id());
            }
        }
        return out;
    }

    private static Hive hive(AuditInput.InputHive h) {
        return h == null ? null : h.hive();
    }

    private RuleResult evaluate(RuleSpec rule, AuditContext ctx, Registry reg) {
        ctx.begin(rule);
        Outcome o;
        String missing = missingInput(rule, reg);
        Outcome na = missing == null ? null : kinds.get(rule.check().kind()).notApplicable(rule.check(), ctx);
        if (na != null) {
            o = na;
        } else if (missing != null) {
            o = Outcome.of(Verdict.UNKNOWN, missing);
        } else {
            try {
                o = kinds.get(rule.check().kind()).evaluate(rule.check(), ctx);
            } catch (HiveFormatException e) {
                o = Outcome.of(Verdict.UNKNOWN, "a value could not be read: " + e.getMessage());
            }
        }
        Severity severity = o.severity() != null ? o.severity() : rule.severity();
        return new RuleResult(rule.id(), rule.title(), severity, o.verdict(), finding(rule, o), ctx.evidence(),
                rule.remedy(), rules.referenceUrl(rule.reference()), rule.section(), o.changes(),
                o.verdict().isOk() || o.fixable(), rules.origin(rule.id()));
    }

    /** Why a rule cannot be evaluated at all: a hive it reads is missing, or SYSTEM has no control set. */
    private static String missingInput(RuleSpec rule, Registry reg) {
        for (HiveRole role : rule.hives()) {
            if (!reg.has(role)) {
                return "needs the " + role + " hive, which was not given";
            }
        }
        if (rule.hives().contains(HiveRole.SYSTEM) && reg.controlSet() == null) {
            return "SYSTEM has no usable Select\\Current, so the control set in use is unknown (§0)";
        }
        return null;
    }

    /** The rule's message template for the verdict (default "{detail}"), with the check's sentence filled in. */
    private static String finding(RuleSpec rule, Outcome o) {
        String key = o.verdict() == Verdict.NA ? "na" : o.verdict().name().toLowerCase(Locale.ROOT);
        String template = rule.messages().getOrDefault(key, "{detail}");
        return template.replace("{detail}", o.detail() == null ? "" : o.detail());
    }

    private static HiveInfo info(HiveRole role, AuditInput.InputHive h) {
        if (h == null) {
            return HiveInfo.missing(role);
        }
        RecoveryReport r = h.recovery();
        List<String> notes = new ArrayList<>(r.dirtyReasons());
        notes.addAll(r.notes());
        return new HiveInfo(role, h.path(), true, r.dirty(), r.logsFound().size(), r.applied(), notes);
    }
}
