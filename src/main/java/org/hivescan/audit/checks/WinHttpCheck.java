package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.audit.Verdict;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.audit.model.Numbers;
import org.hivescan.audit.model.Tables;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Key;

/**
 * {@code winhttp_protocols}: the WinHTTP protocol set from DefaultSecureProtocols or the OS default (§1).
 * <ul>
 * <li>{@code require}: the view's effective set has the required bit (W1 native, W2 Wow6432Node); a value that is
 * not a REG_DWORD is invalid and fails (§0), an absent value falls back to the §1c default;</li>
 * <li>{@code update_evidence}: on 7601/9200, evidence of KB3140245 in the hive (§1d, W3);</li>
 * <li>{@code hygiene}: legacy bits and TLS 1.3 bits on builds without TLS 1.3 (W4).</li>
 * </ul>
 */
final class WinHttpCheck implements CheckKind {
    private static final String VALUE = "DefaultSecureProtocols";
    private static final long INSTALLED_DEFAULT = 0x70;
    /** TLS 1.3 exists from build 20348 (§2b); a strict fix keeps the TLS 1.3 bit only there. */
    private static final int TLS13_FROM = 20348;
    private static final long TLS12_BIT = 0x800;
    private static final long TLS13_BIT = 0x2000;

    @Override
    public List<String> modes() {
        return List.of("require", "update_evidence", "hygiene");
    }

    @Override
    public Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        return switch (spec.mode()) {
            case "require" -> require(spec, ctx);
            case "update_evidence" -> updateEvidence(spec, ctx);
            default -> hygiene(spec, ctx);
        };
    }

    /** W2 on x86 and W3 off its builds are N/A from the facts alone, even when SOFTWARE is missing (§9.1). */
    @Override
    public Outcome notApplicable(CheckSpec spec, AuditContext ctx) {
        if ("require".equals(spec.mode()) && "wow".equalsIgnoreCase(spec.view())
                && Boolean.FALSE.equals(ctx.facts().is64Bit())) {
            return Outcome.of(Verdict.NA, "x86 Windows has no Wow6432Node: the native view is the only one (§0)");
        }
        if ("update_evidence".equals(spec.mode()) && ctx.build() != null
                && !spec.builds().contains(ctx.build().toString())) {
            return Outcome.of(Verdict.NA, "applies to builds " + String.join(", ", spec.builds()) + " only");
        }
        return null;
    }

    /** One view of DefaultSecureProtocols. */
    record DspView(String label, String path, Reading reading, Long bits, Long defaultBits, String defaultLabel) {
        boolean invalid() {
            return reading.present() && bits == null;
        }

        /** The protocol set WinHTTP uses: the value when valid, the OS default when absent, null otherwise. */
        Long effective() {
            return reading.present() ? bits : defaultBits;
        }
    }

    static DspView view(AuditContext ctx, boolean wow, boolean record) throws HiveFormatException {
        String path = wow ? AuditContext.wowPath(ctx.tables().winhttpPath()) : ctx.tables().winhttpPath();
        Reading r = record ? ctx.read(HiveRole.SOFTWARE, path, VALUE) : ctx.peek(HiveRole.SOFTWARE, path, VALUE);
        Tables.WinHttpRow row = defaultRow(ctx.tables(), ctx.build());
        Long def = row == null ? null : Numbers.parse(row.bits());
        String label = wow ? "Wow6432Node view" : "64-bit view";
        if (Boolean.FALSE.equals(ctx.facts().is64Bit())) {
            label = "native view (x86)";
        }
        return new DspView(label, path, r, r.dword().orElse(null), def, row == null ? null : row.label());
    }

    static Tables.WinHttpRow defaultRow(Tables t, Integer build) {
        if (build == null) {
            return null;
        }
        Tables.WinHttpRow found = null;
        for (Tables.WinHttpRow r : t.winhttpDefaults()) {
            if (build >= r.from()) {
                found = r;
            }
        }
        return found;
    }

    private Outcome require(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        boolean wow = "wow".equalsIgnoreCase(spec.view());
        if (wow && Boolean.FALSE.equals(ctx.facts().is64Bit())) {
            return Outcome.of(Verdict.NA, "x86 Windows has no Wow6432Node: the native view is the only one (§0)");
        }
        long need = Numbers.parse(spec.requireBits(), 0x800);
        DspView v = view(ctx, wow, true);
        Outcome o = judge(ctx, v, need);
        if (o.verdict() == Verdict.FAIL) {
            return o.withChanges(List.of(fixChange(ctx, v, need)));
        }
        if (wow && o.verdict() == Verdict.PASS) {
            return compareWithNative(ctx, v, o);
        }
        return o;
    }

    private Outcome judge(AuditContext ctx, DspView v, long need) {
        String at = VALUE + " (" + v.label() + ")";
        if (v.invalid()) {
            return Outcome.of(Verdict.FAIL, at + " is " + v.reading().typeName()
                    + ", not REG_DWORD: invalid, WinHTTP does not use it (§0)");
        }
        if (v.bits() != null) {
            boolean ok = (v.bits() & need) == need;
            return Outcome.of(ok ? Verdict.PASS : Verdict.FAIL, at + " = " + Numbers.hex(v.bits()) + " ("
                    + protocols(ctx, v.bits()) + ")" + (ok ? "" : ": no TLS 1.2"));
        }
        if (v.defaultBits() == null) {
            return Outcome.of(Verdict.UNKNOWN, at + " is absent and " + ctx.buildUnknownReason());
        }
        boolean ok = (v.defaultBits() & need) == need;
        ctx.log(v.reading().assuming(Numbers.hex(v.defaultBits()) + " (" + protocols(ctx, v.defaultBits()) + ")",
                "value absent: WinHTTP uses the OS default for build " + ctx.build() + ", " + v.defaultLabel()
                        + " (§1c)"));
        return Outcome.of(ok ? Verdict.PASS : Verdict.FAIL, at + " is absent; the OS default for build "
                + ctx.build() + " is " + Numbers.hex(v.defaultBits()) + " (" + protocols(ctx, v.defaultBits())
                + ")" + (ok ? "" : ", without TLS 1.2"));
    }

    /** §8 W2: the two views should agree; a difference is a warning when the Wow6432Node view passes. */
    private Outcome compareWithNative(AuditContext ctx, DspView wow, Outcome pass) throws HiveFormatException {
        DspView nat = view(ctx, false, true);
        Long a = nat.effective();
        Long b = wow.effective();
        if (a == null || b == null || a.equals(b)) {
            return pass.withDetail(pass.detail() + (a != null && a.equals(b) ? ", same as the 64-bit view" : ""));
        }
        return Outcome.of(Verdict.WARN, pass.detail() + ", but the 64-bit view gives " + Numbers.hex(a)
                + ": the views differ");
    }

    /** The DefaultSecureProtocols --fix writes: the article keeps older protocols, --tls12-only drops them. */
    private RegChange fixChange(AuditContext ctx, DspView v, long need) throws HiveFormatException {
        long data;
        if (ctx.strict()) {
            data = strictValue(ctx);
        } else {
            data = v.bits() != null ? v.bits() | need : Numbers.parse(ctx.tables().winhttpFixArticle());
        }
        String why = "WinHTTP: " + protocols(ctx, data) + " (" + v.label() + ")";
        return ctx.change(HiveRole.SOFTWARE, v.path(), VALUE, new RegData.Dword(data), why);
    }

    /**
     * The --tls12-only value (§9.7): TLS 1.2 only (the rule file's strict value, 0x800), plus TLS 1.3 from build
     * 20348, where it exists. --tls12-only also disables TLS 1.1 in SChannel, so WinHTTP must not offer it either.
     */
    static long strictValue(AuditContext ctx) {
        long strict = Numbers.parse(ctx.tables().winhttpFixStrict());
        boolean has13 = ctx.build() != null && ctx.build() >= TLS13_FROM;
        return strict | TLS12_BIT | (has13 ? TLS13_BIT : 0);
    }

    /** "SSL 3.0, TLS 1.0" for a bit set (§1a). */
    static String protocols(AuditContext ctx, long bits) {
        List<String> names = new ArrayList<>();
        long known = 0;
        for (Tables.BitName b : ctx.tables().winhttpBits()) {
            long bit = Numbers.parse(b.bit());
            known |= bit;
            if ((bits & bit) != 0) {
                names.add(b.name());
            }
        }
        if ((bits & ~known) != 0) {
            names.add("unknown bits " + Numbers.hex(bits & ~known));
        }
        return names.isEmpty() ? "no protocol" : String.join(", ", names);
    }

    /**
     * §9.2, W3: evidence that the WinHTTP update is installed (KB3140245 on 7601/9200; on 6002/6003 the KB4019276
     * family, §9.6). Without evidence the answer is UNKNOWN whether or not DefaultSecureProtocols is set: the value
     * proves nothing without the update that makes WinHTTP read it.
     */
    private Outcome updateEvidence(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        Integer build = ctx.build();
        if (build == null) {
            return Outcome.of(Verdict.UNKNOWN, ctx.buildUnknownReason());
        }
        if (!spec.builds().contains(build.toString())) {
            return Outcome.of(Verdict.NA, "applies to builds " + String.join(", ", spec.builds()) + " only");
        }
        if (spec.evidenceBuilds().contains(build.toString())) {
            return Outcome.of(Verdict.PASS, "build " + build + " is only set by servicing that carries the update"
                    + " (⚠ inferred, §9.6)");
        }
        String prefix = spec.packageByBuild().getOrDefault(build.toString(), spec.packagePrefix());
        String found = UpdateEvidence.cbsPackage(ctx, spec.packagesPath(), prefix,
                Numbers.parse(spec.installedState(), INSTALLED_DEFAULT));
        if (found == null) {
            found = winnersVersion(spec, ctx, build);
        }
        if (found != null) {
            return Outcome.of(Verdict.PASS, found);
        }
        String kb = prefix.replace("Package_for_", "").replace("~", "");
        return Outcome.of(Verdict.UNKNOWN, "no evidence of " + kb + ": WinHTTP may ignore DefaultSecureProtocols"
                + " (no installed " + prefix + "* package or newer WinHTTP in the hive; registry changes cannot"
                + " supply it, §9.2)");
    }

    /** Fallback (⚠ unverified heuristic, §1d): SideBySide Winners names a WinHTTP version at the fixed level. */
    private String winnersVersion(CheckSpec spec, AuditContext ctx, int build) throws HiveFormatException {
        String min = spec.minVersions().get(Integer.toString(build));
        Key winners = spec.winnersPath() == null ? null
                : ctx.registry().key(HiveRole.SOFTWARE, spec.winnersPath()).orElse(null);
        if (min == null || winners == null) {
            return null;
        }
        String component = spec.winnersComponent().toLowerCase(Locale.ROOT);
        for (Key c : winners.subkeys()) {
            if (!c.name().toLowerCase(Locale.ROOT).contains(component)) {
                continue;
            }
            for (Key ver : c.subkeys()) {
                String path = spec.winnersPath() + "\\" + c.name() + "\\" + ver.name();
                String v = ctx.read(HiveRole.SOFTWARE, path, "").text().orElse("").trim();
                if (v.matches("\\d+(\\.\\d+)+") && ValueCheck.compareVersions(v, min) >= 0) {
                    return "SideBySide Winners names WinHTTP " + v + " >= " + min + " (⚠ heuristic, §1d)";
                }
            }
        }
        return null;
    }

    /** §8 W4: SSL bits, and the TLS 1.3 bit before build 20348; --tls12-only rewrites such values. */
    private Outcome hygiene(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        List<DspView> views = new ArrayList<>();
        views.add(view(ctx, false, true));
        if (!Boolean.FALSE.equals(ctx.facts().is64Bit())) {
            views.add(view(ctx, true, true));
        }
        List<Outcome> parts = new ArrayList<>();
        for (DspView v : views) {
            if (v.bits() != null) {
                parts.add(hygieneOne(spec, ctx, v));
            } else if (ctx.strict() && !v.reading().present()) {
                parts.add(strictWhereAbsent(ctx, v));
            }
        }
        if (parts.isEmpty()) {
            return Outcome.of(Verdict.NA, "no valid DefaultSecureProtocols REG_DWORD to inspect");
        }
        return Outcome.combine(parts, "; ");
    }

    /**
     * With --tls12-only, an absent value leaves WinHTTP on its built-in default, which still offers TLS 1.0 and 1.1
     * on the builds that honour the value (§2b): the strict fix writes the value there too, so WinHTTP never
     * offers a protocol SChannel was told to disable.
     */
    private Outcome strictWhereAbsent(AuditContext ctx, DspView v) throws HiveFormatException {
        long strict = strictValue(ctx);
        String seen = VALUE + " (" + v.label() + ") absent: WinHTTP uses "
                + (v.defaultBits() == null ? "its built-in default" : protocols(ctx, v.defaultBits()));
        Outcome o = Outcome.of(Verdict.PASS, seen);
        if (v.defaultBits() != null && v.defaultBits() == strict) {
            return o;
        }
        return withStrictChange(o, ctx, v, strict);
    }

    /** The --tls12-only change of one view: DefaultSecureProtocols set to the strict value. */
    private static Outcome withStrictChange(Outcome o, AuditContext ctx, DspView v, long strict)
            throws HiveFormatException {
        String why = "--tls12-only: WinHTTP " + protocols(ctx, strict) + " (" + v.label() + ")";
        return o.withChanges(List.of(ctx.change(HiveRole.SOFTWARE, v.path(), VALUE, new RegData.Dword(strict), why)));
    }

    private Outcome hygieneOne(CheckSpec spec, AuditContext ctx, DspView v) throws HiveFormatException {
        long legacy = Numbers.parse(spec.legacyBits(), 0x28);
        long tls13 = Numbers.parse(spec.tls13Bit(), 0x2000);
        long from = Numbers.parse(spec.tls13From(), 20348);
        List<String> issues = new ArrayList<>();
        if ((v.bits() & legacy) != 0) {
            issues.add("SSL bits set (" + protocols(ctx, v.bits() & legacy) + ")");
        }
        if ((v.bits() & tls13) != 0 && ctx.build() != null && ctx.build() < from) {
            issues.add("TLS 1.3 bit set on build " + ctx.build() + " (< " + from + ")");
        }
        String at = VALUE + " (" + v.label() + ") = " + Numbers.hex(v.bits());
        Outcome o = issues.isEmpty() ? Outcome.of(Verdict.PASS, at + ": no SSL bits")
                : Outcome.of(Verdict.WARN, at + ": " + String.join(", ", issues));
        long strict = strictValue(ctx);
        if (ctx.strict() && v.bits() != strict) {
            o = withStrictChange(o, ctx, v, strict);
        }
        return o;
    }
}
