package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.audit.Verdict;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.audit.model.FixSpec;
import org.hivescan.audit.model.Numbers;
import org.hivescan.audit.model.RuleFileException;
import org.hivescan.audit.model.Tier;
import org.hivescan.bytes.HiveFormatException;

/**
 * The generic kinds, so a site can write policy without Java: value_present, value_absent, key_exists,
 * dword_equals, bitmask, number_compare, string_equals, string_regex, version_at_least. Each view of the key
 * (both registry views with {@code views: both}) is judged alone and the worst verdict wins; {@code when_absent},
 * {@code when_mismatch} and {@code when_invalid} choose the verdicts, and {@code fix} the value --fix writes to
 * every view that does not pass.
 */
final class ValueCheck implements CheckKind {
    static final List<String> KINDS = List.of("value_present", "value_absent", "key_exists", "dword_equals",
            "bitmask", "number_compare", "string_equals", "string_regex", "version_at_least");

    /** The verdict of one view and the phrase that describes it. */
    private record Judgement(Verdict verdict, String phrase, Tier tier) {
        static Judgement of(Verdict v, String phrase) {
            return new Judgement(v, phrase, null);
        }
    }

    @Override
    public Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        Outcome gate = Gate.appliesIf(spec, ctx);
        if (gate != null) {
            return gate;
        }
        HiveRole role = ctx.hiveOf(spec);
        List<AuditContext.View> views = ctx.views(role, spec.path(), spec.views());
        List<Outcome> parts = new ArrayList<>();
        for (AuditContext.View view : views) {
            parts.add(one(spec, ctx, role, view, views.size() > 1));
        }
        Outcome all = Outcome.combine(parts, "; ");
        String leaf = spec.path().substring(spec.path().lastIndexOf('\\') + 1);
        String subject = spec.value() != null ? leaf + "\\" + spec.value() : spec.path();
        return all.withDetail(subject + (views.size() > 1 ? ": " : " ") + all.detail());
    }

    private Outcome one(CheckSpec spec, AuditContext ctx, HiveRole role, AuditContext.View view, boolean label)
            throws HiveFormatException {
        String prefix = label ? view.label() + " " : "";
        if (spec.kind().equals("key_exists")) {
            boolean exists = ctx.keyExists(role, view.path());
            return exists ? Outcome.of(Verdict.PASS, prefix + "key present")
                    : Outcome.of(verdict(spec.whenAbsent(), Verdict.FAIL), prefix + "key absent");
        }
        Reading r = ctx.read(role, view.path(), spec.value());
        Judgement j = tierEvidence(ctx, partnerCovers(spec, ctx, role, view, judge(spec, r)));
        Outcome o = Outcome.of(j.verdict(), prefix + j.phrase());
        if (j.tier() != null && j.tier().severity() != null) {
            o = o.withSeverity(j.tier().severity());
        }
        if (j.verdict() == Verdict.FAIL || j.verdict() == Verdict.WARN) {
            o = o.withChanges(fix(spec, ctx, role, view, r));
        }
        return o;
    }

    /**
     * {@code compare_with} on dword_equals (§9.5): either of two switches gives the result in one view, so a
     * failing value whose partner in the same view holds the expected number is only a WARN ("the article sets
     * both"); the fix still sets it.
     */
    private static Judgement partnerCovers(CheckSpec spec, AuditContext ctx, HiveRole role, AuditContext.View view,
            Judgement j) throws HiveFormatException {
        if (j.verdict() != Verdict.FAIL || spec.compareWith() == null || !spec.kind().equals("dword_equals")) {
            return j;
        }
        long want = Numbers.parse(spec.equals());
        Reading partner = ctx.read(role, view.path(), spec.compareWith());
        if (partner.dword().orElse(-1L) != want) {
            return new Judgement(j.verdict(), j.phrase() + ", and " + spec.compareWith() + " is not " + want
                    + " either", j.tier());
        }
        return new Judgement(Verdict.WARN, j.phrase() + "; " + spec.compareWith() + "=" + want
                + " already gives TLS 1.2 here, but the article sets both (§9.5)", j.tier());
    }

    /**
     * A tier with {@code evidence_paths}: an update recorded below one of those keys (the SOFTWARE hive's
     * {@code Microsoft\Updates\<product>\KBnnnnnnn}, where .NET Framework updates are listed) changes the verdict.
     */
    private static Judgement tierEvidence(AuditContext ctx, Judgement j) throws HiveFormatException {
        if (j.tier() == null || j.tier().evidencePaths().isEmpty()) {
            return j;
        }
        for (String path : j.tier().evidencePaths()) {
            for (AuditContext.View v : ctx.views(HiveRole.SOFTWARE, path, "both")) {
                ctx.keyExists(HiveRole.SOFTWARE, v.path());
                var key = ctx.registry().key(HiveRole.SOFTWARE, v.path()).orElse(null);
                if (key != null && !key.subkeys().isEmpty()) {
                    return new Judgement(verdict(j.tier().evidenceVerdict(), Verdict.WARN), j.phrase()
                            + "; updates recorded under " + v.path() + " (" + key.subkeys().get(0).name() + ")",
                            j.tier());
                }
            }
        }
        return new Judgement(j.verdict(), j.phrase() + "; no .NET update recorded under "
                + String.join(" or ", j.tier().evidencePaths()), j.tier());
    }

    private Judgement judge(CheckSpec spec, Reading r) throws HiveFormatException {
        if (spec.kind().equals("value_absent")) {
            return r.present() ? Judgement.of(verdict(spec.whenMismatch(), Verdict.FAIL), "present ("
                    + r.evidence().foundText() + ")") : Judgement.of(Verdict.PASS, "absent");
        }
        if (!r.present()) {
            String why = spec.absentMessage() != null ? spec.absentMessage() : r.keyExists() ? "absent"
                    : "absent (key absent)";
            return Judgement.of(verdict(spec.whenAbsent(), Verdict.FAIL), why);
        }
        return switch (spec.kind()) {
            case "value_present" -> Judgement.of(Verdict.PASS, "present (" + r.evidence().foundText() + ")");
            case "dword_equals" -> dwordEquals(spec, r);
            case "bitmask" -> bitmask(spec, r);
            case "number_compare" -> numberCompare(spec, r);
            case "string_equals", "string_regex" -> string(spec, r);
            case "version_at_least" -> version(spec, r);
            default -> throw new RuleFileException("unknown generic kind " + spec.kind());
        };
    }

    private Judgement invalid(CheckSpec spec, Reading r, String expected) {
        return Judgement.of(verdict(spec.whenInvalid(), Verdict.FAIL), r.typeName() + ", not " + expected
                + " (invalid, §0 value types)");
    }

    private Judgement dwordEquals(CheckSpec spec, Reading r) throws HiveFormatException {
        Optional<Long> v = r.dword();
        if (v.isEmpty()) {
            return invalid(spec, r, "a REG_DWORD");
        }
        long want = Numbers.parse(spec.equals());
        return v.get() == want ? Judgement.of(Verdict.PASS, "= " + v.get())
                : Judgement.of(verdict(spec.whenMismatch(), Verdict.FAIL), "= " + v.get() + " (expected " + want + ")");
    }

    private Judgement bitmask(CheckSpec spec, Reading r) throws HiveFormatException {
        Optional<Long> v = r.dword();
        if (v.isEmpty()) {
            return invalid(spec, r, "a REG_DWORD");
        }
        long mask = Numbers.parse(spec.mask());
        long hit = v.get() & mask;
        String match = spec.match() == null ? "all" : spec.match().toLowerCase(Locale.ROOT);
        boolean ok = switch (match) {
            case "any" -> hit != 0;
            case "none" -> hit == 0;
            default -> hit == mask;
        };
        String phrase = Numbers.hex(v.get()) + " (" + match + " of " + Numbers.hex(mask) + " expected)";
        return Judgement.of(ok ? Verdict.PASS : verdict(spec.whenMismatch(), Verdict.FAIL), phrase);
    }

    private Judgement numberCompare(CheckSpec spec, Reading r) throws HiveFormatException {
        Optional<Long> v = r.number();
        if (v.isEmpty()) {
            return invalid(spec, r, "a REG_DWORD or REG_QWORD");
        }
        if (spec.tiers().isEmpty()) {
            boolean ok = compare(v.get(), spec.op(), Numbers.parse(spec.number()));
            return Judgement.of(ok ? Verdict.PASS : verdict(spec.whenMismatch(), Verdict.FAIL),
                    v.get() + (ok ? " " : " not ") + spec.op() + " " + spec.number());
        }
        for (Tier t : spec.tiers()) {
            if (compare(v.get(), t.op(), Numbers.parse(t.number()))) {
                return new Judgement(verdict(t.verdict(), Verdict.PASS), v.get() + ": " + t.message(), t);
            }
        }
        return Judgement.of(verdict(spec.whenMismatch(), Verdict.FAIL), v.get() + ": matches no tier");
    }

    static boolean compare(long a, String op, long b) {
        return switch (op == null ? ">=" : op.trim()) {
            case ">" -> a > b;
            case "<" -> a < b;
            case "<=" -> a <= b;
            case "==", "=" -> a == b;
            case "!=" -> a != b;
            default -> a >= b;
        };
    }

    private Judgement string(CheckSpec spec, Reading r) throws HiveFormatException {
        Optional<String> s = r.text();
        if (s.isEmpty()) {
            return invalid(spec, r, "a REG_SZ");
        }
        boolean ignoreCase = spec.ignoreCase() == null || spec.ignoreCase();
        boolean ok = spec.kind().equals("string_equals")
                ? (ignoreCase ? s.get().equalsIgnoreCase(spec.equals()) : s.get().equals(spec.equals()))
                : Pattern.compile(spec.pattern(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(s.get()).find();
        String phrase = "\"" + s.get() + "\"" + (ok ? "" : " (expected " + (spec.equals() != null
                ? "\"" + spec.equals() + "\"" : "/" + spec.pattern() + "/") + ")");
        return Judgement.of(ok ? Verdict.PASS : verdict(spec.whenMismatch(), Verdict.FAIL), phrase);
    }

    private Judgement version(CheckSpec spec, Reading r) throws HiveFormatException {
        Optional<String> s = r.text();
        if (s.isEmpty() || !s.get().trim().matches("\\d+(\\.\\d+)*")) {
            return invalid(spec, r, "a dotted version string");
        }
        boolean ok = compareVersions(s.get().trim(), spec.version()) >= 0;
        return Judgement.of(ok ? Verdict.PASS : verdict(spec.whenMismatch(), Verdict.FAIL),
                s.get().trim() + (ok ? " >= " : " < ") + spec.version());
    }

    /** Compares dotted versions numerically, part by part ("6.1.7601.23375" vs "6.1.7601.17514"). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private List<RegChange> fix(CheckSpec spec, AuditContext ctx, HiveRole role, AuditContext.View view,
            Reading r) throws HiveFormatException {
        FixSpec f = spec.fix();
        if (f == null || spec.value() == null) {
            return List.of();
        }
        long data;
        if (f.orBits() != null) {
            long bits = Numbers.parse(f.orBits());
            data = r.dword().map(v -> v | bits).orElse(bits);
        } else {
            data = Numbers.parse(ctx.strict() && f.strictData() != null ? f.strictData() : f.data());
        }
        String why = ctx.rule().title() + (view.label().isEmpty() ? "" : " (" + view.label() + ")");
        return List.of(ctx.change(role, view.path(), spec.value(), new RegData.Dword(data), why));
    }

    static Verdict verdict(String text, Verdict fallback) {
        return text == null ? fallback : Verdict.parse(text);
    }

    /** Refuses parameters a kind cannot work without, and bad numbers, patterns and verdicts. */
    void validate(CheckSpec s) {
        try {
            requireParams(s);
            for (String v : new String[] {s.whenAbsent(), s.whenMismatch(), s.whenInvalid()}) {
                verdict(v, Verdict.FAIL);
            }
            if (s.pattern() != null) {
                Pattern.compile(s.pattern());
            }
            if (s.fix() != null && s.fix().type() != null && !s.fix().type().equalsIgnoreCase("REG_DWORD")) {
                throw new RuleFileException("generic fixes write REG_DWORD only, found " + s.fix().type());
            }
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(s.kind() + ": " + e.getMessage(), e);
        }
    }

    private static void requireParams(CheckSpec s) {
        need(s.path() != null, s, "path");
        need(s.kind().equals("key_exists") || s.value() != null, s, "value");
        switch (s.kind()) {
            case "dword_equals" -> Numbers.parse(s.equals());
            case "bitmask" -> Numbers.parse(s.mask());
            case "number_compare" -> {
                need(!s.tiers().isEmpty() || s.number() != null, s, "number or tiers");
                s.tiers().forEach(t -> Numbers.parse(t.number()));
            }
            case "string_equals" -> need(s.equals() != null, s, "equals");
            case "string_regex" -> need(s.pattern() != null, s, "pattern");
            case "version_at_least" -> need(s.version() != null && s.version().matches("\\d+(\\.\\d+)*"), s,
                    "version (dotted numbers)");
            default -> {
            }
        }
    }

    private static void need(boolean ok, CheckSpec s, String what) {
        if (!ok) {
            throw new RuleFileException(s.kind() + " needs " + what);
        }
    }
}
