package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hivescan.audit.Evidence;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.HostFacts;
import org.hivescan.audit.Reading;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.audit.Registry;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.audit.model.RuleSpec;
import org.hivescan.audit.model.Tables;
import org.hivescan.bytes.HiveFormatException;

/**
 * What a check sees: the hives, the host facts, the rule tables, the fix mode, and the evidence log of the rule
 * being evaluated. Every read goes through here so that the evidence is complete.
 */
public final class AuditContext {
    private static final String WOW = "Wow6432Node";

    private final Registry registry;
    private final HostFacts facts;
    private final List<Evidence> factsEvidence;
    private final Tables tables;
    private final CheckKinds kinds;
    private final boolean strict;
    private RuleSpec rule;
    private List<Evidence> log = new ArrayList<>();

    /**
     * @param strict plan the --tls12-only variant of the fixes
     */
    public AuditContext(Registry registry, HostFacts facts, List<Evidence> factsEvidence, Tables tables,
            CheckKinds kinds, boolean strict) {
        this.registry = registry;
        this.facts = facts;
        this.factsEvidence = List.copyOf(factsEvidence);
        this.tables = tables;
        this.kinds = kinds;
        this.strict = strict;
    }

    /** A view of a key: the native path or its Wow6432Node twin. */
    public record View(String label, String path, boolean wow) {
    }

    /** Starts the evidence log of a rule. */
    public void begin(RuleSpec r) {
        this.rule = r;
        this.log = new ArrayList<>();
    }

    public RuleSpec rule() {
        return rule;
    }

    public List<Evidence> evidence() {
        return List.copyOf(log);
    }

    public Registry registry() {
        return registry;
    }

    public HostFacts facts() {
        return facts;
    }

    public List<Evidence> factsEvidence() {
        return factsEvidence;
    }

    public Tables tables() {
        return tables;
    }

    public boolean strict() {
        return strict;
    }

    /** Evaluates a nested check (any_of, all_of, applies_if) with the same evidence log. */
    public Outcome evaluate(CheckSpec spec) throws HiveFormatException {
        return kinds.get(spec.kind()).evaluate(spec, this);
    }

    /** Reads a value and records it as evidence. */
    public Reading read(HiveRole role, String path, String value) throws HiveFormatException {
        Reading r = registry.read(role, path, value);
        log(r.evidence());
        return r;
    }

    /** Reads a value without recording it (the caller records it later, with the default it assumed). */
    public Reading peek(HiveRole role, String path, String value) throws HiveFormatException {
        return registry.read(role, path, value);
    }

    /** Whether a key exists, recorded as evidence. */
    public boolean keyExists(HiveRole role, String path) throws HiveFormatException {
        Evidence e = registry.keyEvidence(role, path);
        log(e);
        return e.keyExists();
    }

    /** Records evidence once per (hive, key, value); a later record with an assumed default replaces it. */
    public void log(Evidence e) {
        for (int i = 0; i < log.size(); i++) {
            Evidence old = log.get(i);
            if (old.hive() == e.hive() && old.key().equalsIgnoreCase(e.key())
                    && java.util.Objects.equals(lower(old.value()), lower(e.value()))) {
                if (e.assumed() != null) {
                    log.set(i, e);
                }
                return;
            }
        }
        log.add(e);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The Windows build, or null. */
    public Integer build() {
        return facts.build();
    }

    /** Why build-dependent rules say UNKNOWN. */
    public String buildUnknownReason() {
        return registry.has(HiveRole.SOFTWARE)
                ? "the Windows build is unknown: SOFTWARE has no CurrentBuildNumber (give --os-build N)"
                : "the Windows build is unknown: no SOFTWARE hive was given (give --os-build N)";
    }

    /**
     * The views of a SOFTWARE key a rule must check (§0, §3a): with {@code both} the native path and, on 64-bit
     * Windows, its Wow6432Node twin; an x86 host has only the native view. SYSTEM keys have one view.
     */
    public List<View> views(HiveRole role, String path, String mode) {
        boolean both = "both".equalsIgnoreCase(mode);
        if (role != HiveRole.SOFTWARE || !both) {
            return List.of(new View(role == HiveRole.SOFTWARE ? "64-bit view" : "", path, false));
        }
        if (Boolean.FALSE.equals(facts.is64Bit())) {
            return List.of(new View("native view (x86, the only view)", path, false));
        }
        return List.of(new View("64-bit view", path, false), new View("Wow6432Node view", wowPath(path), true));
    }

    /** The Wow6432Node twin of a SOFTWARE path. */
    public static String wowPath(String path) {
        return WOW + "\\" + path;
    }

    /** Plans a change for the current rule, noting which keys on the way the offline hive lacks. */
    public RegChange change(HiveRole role, String path, String valueName, RegData data, String why)
            throws HiveFormatException {
        List<String> missing = new ArrayList<>();
        String[] parts = path.split("\\\\");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            prefix.append(prefix.length() == 0 ? "" : "\\").append(part);
            if (registry.key(role, prefix.toString()).isEmpty()) {
                missing.add(prefix.toString());
            }
        }
        return new RegChange(List.of(rule.id()), role, path, valueName, data, why, missing);
    }

    /** The hive a generic check reads: its own {@code hive}, else the rule's first. */
    public HiveRole hiveOf(CheckSpec spec) {
        return spec.hive() != null ? HiveRole.valueOf(spec.hive().toUpperCase(Locale.ROOT)) : rule.defaultHive();
    }
}
