package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.audit.Severity;
import org.hivescan.audit.Verdict;
import org.hivescan.audit.checks.Schannel.ProtocolState;
import org.hivescan.audit.checks.Schannel.State;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.audit.model.Numbers;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * {@code schannel_protocol}: SChannel effective state per protocol and role (§2, §8 S1-S5).
 * <ul>
 * <li>{@code require}: every listed protocol/role must be ENABLED (S1, S2); {@code compare_with} warns when the
 * other role differs (HealthChecker's "misconfigured", §7);</li>
 * <li>{@code tls13}: TLS 1.3 is fine where supported (build 20348+), unsafe where configured on older builds;</li>
 * <li>{@code legacy}: warns about each legacy protocol in effect (hardening only);</li>
 * <li>{@code sanity}: every Protocols value is a REG_DWORD 0 or 1 and no pair is half-disabled.</li>
 * </ul>
 */
final class SchannelCheck implements CheckKind {
    /** NETTLS documents "Enabled (0 or 0xFFFFFFFF)": a valid "on", not a finding (§9.7). */
    private static final long ALL_ONES = 0xFFFFFFFFL;

    @Override
    public List<String> modes() {
        return List.of("require", "tls13", "legacy", "sanity");
    }

    @Override
    public Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        return switch (spec.mode()) {
            case "require" -> require(spec, ctx);
            case "tls13" -> tls13(spec, ctx);
            case "legacy" -> legacy(spec, ctx);
            default -> sanity(ctx);
        };
    }

    private Outcome require(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        Outcome old = oldWindows(spec, ctx);
        if (old != null) {
            return old;
        }
        List<Outcome> parts = new ArrayList<>();
        for (String protocol : spec.protocols()) {
            for (String role : spec.roles()) {
                parts.add(requireOne(spec, ctx, Schannel.state(ctx, protocol, role)));
            }
        }
        return needsUpdate(spec, ctx, Outcome.combine(parts, "; "));
    }

    /**
     * §9.6: on Vista (a client installation of 6002/6003) TLS 1.1/1.2 do not exist at all; when the installation
     * type is unknown, Vista cannot be ruled out.
     */
    private static Outcome oldWindows(CheckSpec spec, AuditContext ctx) {
        Integer build = ctx.build();
        if (build == null || !spec.clientFailBuilds().contains(build.toString())) {
            return null;
        }
        String type = ctx.facts().installationType();
        if (type == null) {
            return Outcome.of(Verdict.UNKNOWN, "build " + build + " is Vista or Server 2008, and without the"
                    + " installation type (SOFTWARE) Vista, which has no TLS 1.2, cannot be ruled out (§9.6)");
        }
        if (type.toLowerCase(Locale.ROOT).startsWith("client")) {
            return Outcome.of(Verdict.FAIL, "Windows Vista has no TLS 1.1/1.2 at all (NETTLS: not supported);"
                    + " no registry change can add it, only an upgrade (§9.6)");
        }
        return null;
    }

    /**
     * §9.6: Server 2008 SP2 has TLS 1.1/1.2 only with KB4019276. Without evidence of it an enabled state is
     * UNKNOWN, and a failing one cannot be fixed by the registry alone.
     */
    private static Outcome needsUpdate(CheckSpec spec, AuditContext ctx, Outcome o) throws HiveFormatException {
        Integer build = ctx.build();
        if (build == null || !spec.builds().contains(build.toString()) || spec.evidenceBuilds().contains(
                build.toString())) {
            return o;
        }
        String found = UpdateEvidence.cbsPackage(ctx, spec.packagesPath(), spec.packagePrefix(),
                Numbers.parse(spec.installedState(), 0x70));
        if (found != null) {
            return o.withDetail(o.detail() + "; " + found);
        }
        String kb = spec.packagePrefix().replace("Package_for_", "").replace("~", "");
        String none = "no evidence of " + kb + " (TLS 1.1/1.2 for Server 2008 SP2): no installed package, build "
                + build + " (§9.6)";
        if (o.verdict() == Verdict.FAIL) {
            return o.withDetail(o.detail() + "; and " + none).fixable(false);
        }
        return o.verdict().isOk() ? Outcome.of(Verdict.UNKNOWN, o.detail() + "; but " + none) : o;
    }

    private Outcome requireOne(CheckSpec spec, AuditContext ctx, ProtocolState s) throws HiveFormatException {
        String subject = s.protocol() + " " + s.role() + " is ";
        if (s.state() == State.UNKNOWN) {
            return Outcome.of(Verdict.UNKNOWN, subject + "unknown: " + Schannel.unknownReason(ctx, s));
        }
        if (s.state() != State.ENABLED) {
            String extra = s.state() == State.NOT_SUPPORTED ? " (this build cannot use it; an update or upgrade"
                    + " is needed)" : "";
            Outcome fail = Outcome.of(Verdict.FAIL, subject + s.describe(ctx.build()) + extra);
            return s.state() == State.NOT_SUPPORTED ? fail : fail.withChanges(enable(ctx, s));
        }
        Outcome pass = Outcome.of(Verdict.PASS, subject + s.describe(ctx.build()));
        return spec.compareWith() == null ? pass : compare(spec, ctx, s, pass);
    }

    /** S2: the server may pass alone, but a client/server difference is worth a warning (§8 S2). */
    private Outcome compare(CheckSpec spec, AuditContext ctx, ProtocolState s, Outcome pass)
            throws HiveFormatException {
        ProtocolState other = Schannel.state(ctx, s.protocol(), spec.compareWith());
        if (other.state() == State.UNKNOWN || other.state() == s.state()) {
            return pass.withDetail(pass.detail() + ", same as " + spec.compareWith());
        }
        return Outcome.of(Verdict.WARN, pass.detail() + ", but " + spec.compareWith() + " is "
                + other.describe(ctx.build()) + ": client and server differ");
    }

    /**
     * The values to write so §2c yields ENABLED, exactly as the S1 remedy says (§9.7): DisabledByDefault=0 and
     * Enabled=1, each unless it already holds that meaning (a non-zero REG_DWORD Enabled is already on).
     */
    private List<RegChange> enable(AuditContext ctx, ProtocolState s) throws HiveFormatException {
        List<RegChange> out = new ArrayList<>();
        String why = "enable " + s.protocol() + " " + s.role() + " in SChannel";
        Long e = s.enabled().dword().orElse(null);
        if (e == null || e == 0) {
            out.add(ctx.change(HiveRole.SYSTEM, s.path(), Schannel.ENABLED_VALUE, new RegData.Dword(1), why));
        }
        Long d = s.disabledByDefault().dword().orElse(null);
        if (d == null || d != 0) {
            out.add(ctx.change(HiveRole.SYSTEM, s.path(), Schannel.DBD_VALUE, new RegData.Dword(0), why));
        }
        return out;
    }

    /** §8 S3: TLS 1.3 is supported from 20348; configured on an older build it is unsafe (PROTO). */
    private Outcome tls13(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        List<Outcome> parts = new ArrayList<>();
        for (String role : spec.roles()) {
            ProtocolState s = Schannel.state(ctx, spec.protocols().get(0), role);
            parts.add(tls13One(spec, ctx, s));
        }
        return Outcome.combine(parts, "; ");
    }

    private Outcome tls13One(CheckSpec spec, AuditContext ctx, ProtocolState s) {
        String subject = s.protocol() + " " + s.role() + " ";
        if (ctx.build() == null || s.defaultCode() == null) {
            return Outcome.of(Verdict.UNKNOWN, subject + "unknown: " + ctx.buildUnknownReason());
        }
        boolean supported = !"NS".equals(s.defaultCode());
        if (supported) {
            return s.state() == State.ENABLED ? Outcome.of(Verdict.PASS, subject + "is " + s.describe(ctx.build()))
                    : Outcome.of(Verdict.WARN, subject + "is " + s.describe(ctx.build())
                            + "; TLS 1.2 suffices for Microsoft 365");
        }
        if (s.configuredButUnsupported()) {
            Severity sev = spec.unsupportedSeverity() == null ? null
                    : Severity.valueOf(spec.unsupportedSeverity().toUpperCase(Locale.ROOT));
            return Outcome.of(Verdict.WARN, subject + "is " + s.describe(ctx.build())
                    + ": unsupported and unsafe before build 20348 (PROTO)").withSeverity(sev);
        }
        return Outcome.of(Verdict.NA, subject + "not supported on build " + ctx.build()
                + (s.explicit() ? " (configured off)" : " and not configured"));
    }

    /** §8 S4: legacy protocols in effect are a hardening finding; --tls12-only plans to disable them. */
    private Outcome legacy(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        List<String> on = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<RegChange> changes = new ArrayList<>();
        for (String protocol : spec.protocols()) {
            for (String role : spec.roles()) {
                ProtocolState s = Schannel.state(ctx, protocol, role);
                classify(s, on, unknown);
                changes.addAll(strictDisable(ctx, s));
            }
        }
        if (!on.isEmpty()) {
            return Outcome.of(Verdict.WARN, "legacy protocols in effect: " + String.join(", ", on)
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))).withChanges(changes)
                    .fixable(true);
        }
        if (!unknown.isEmpty()) {
            return Outcome.of(Verdict.UNKNOWN, "state unknown for " + String.join(", ", unknown) + ": "
                    + (ctx.build() == null ? ctx.buildUnknownReason() : "the §2b table has no default for build "
                            + ctx.build()));
        }
        return Outcome.of(Verdict.PASS, "no legacy protocol is enabled").withChanges(changes).fixable(true);
    }

    private static void classify(ProtocolState s, List<String> on, List<String> unknown) {
        String name = s.protocol() + " " + s.role();
        if (s.state() == State.ENABLED) {
            on.add(name + (s.explicit() ? " (set)" : " (OS default)"));
        } else if (s.state() == State.UNKNOWN) {
            unknown.add(name);
        }
    }

    /** With --tls12-only: Enabled=0 and DisabledByDefault=1 for a protocol the strict list disables. */
    private List<RegChange> strictDisable(AuditContext ctx, ProtocolState s) throws HiveFormatException {
        boolean listed = ctx.tables().strictDisable().stream().anyMatch(p -> p.equalsIgnoreCase(s.protocol()));
        if (!ctx.strict() || !listed || s.state() == State.DISABLED || s.state() == State.NOT_SUPPORTED
                || s.state() == State.UNKNOWN) {
            return List.of();
        }
        String why = "--tls12-only: disable " + s.protocol() + " " + s.role();
        List<RegChange> out = new ArrayList<>();
        out.add(ctx.change(HiveRole.SYSTEM, s.path(), Schannel.ENABLED_VALUE, new RegData.Dword(0), why));
        Long d = s.disabledByDefault().dword().orElse(null);
        if (d == null || d == 0) {
            out.add(ctx.change(HiveRole.SYSTEM, s.path(), Schannel.DBD_VALUE, new RegData.Dword(1), why));
        }
        return out;
    }

    /** §8 S5: REG_DWORD type, values 0 or 1, and no half-disabled pair, for every protocol and role key. */
    private Outcome sanity(AuditContext ctx) throws HiveFormatException {
        String root = ctx.tables().schannelRoot();
        List<String> issues = new ArrayList<>();
        int examined = 0;
        Key protocols = ctx.registry().key(HiveRole.SYSTEM, root).orElse(null);
        if (protocols == null) {
            ctx.keyExists(HiveRole.SYSTEM, root);
            return Outcome.of(Verdict.PASS, "no SCHANNEL\\Protocols key: nothing to check");
        }
        for (Key protocol : protocols.subkeys()) {
            for (Key role : protocol.subkeys()) {
                examined += inspect(ctx, root + "\\" + protocol.name() + "\\" + role.name(), role, issues);
            }
        }
        if (!issues.isEmpty()) {
            return Outcome.of(Verdict.WARN, String.join("; ", issues));
        }
        return Outcome.of(Verdict.PASS, examined == 0 ? "no Enabled/DisabledByDefault values"
                : examined + " Enabled/DisabledByDefault values, all REG_DWORD 0, 1 or 0xFFFFFFFF, no half-disabled pair");
    }

    private int inspect(AuditContext ctx, String path, Key role, List<String> issues) throws HiveFormatException {
        String where = path.substring(ctx.tables().schannelRoot().length() + 1);
        Long e = valueOf(ctx, path, role, Schannel.ENABLED_VALUE, where, issues);
        Long d = valueOf(ctx, path, role, Schannel.DBD_VALUE, where, issues);
        if (e != null && d != null && (e == 0) == (d == 0)) {
            issues.add(where + " is half-disabled (Enabled=" + hex(e) + ", DisabledByDefault="
                    + hex(d) + ")");
        }
        return (role.value(Schannel.ENABLED_VALUE).isPresent() ? 1 : 0)
                + (role.value(Schannel.DBD_VALUE).isPresent() ? 1 : 0);
    }

    private Long valueOf(AuditContext ctx, String path, Key key, String name, String where, List<String> issues)
            throws HiveFormatException {
        Value v = key.value(name).orElse(null);
        if (v == null) {
            return null;
        }
        Reading r = ctx.read(HiveRole.SYSTEM, path, name);
        Long n = r.dword().orElse(null);
        if (n == null) {
            issues.add(where + " " + name + " is " + r.typeName() + ", not REG_DWORD (SChannel ignores it)");
        } else if (n != 0 && n != 1 && n != ALL_ONES) {
            issues.add(where + " " + name + "=" + hex(n) + " (non-zero means on, REGSET; outside 0, 1 and"
                    + " 0xFFFFFFFF, the values NETTLS documents)");
        }
        return n;
    }

    private static String hex(long v) {
        return v > 9 ? String.format("0x%X", v) : Long.toString(v);
    }
}
