package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.audit.Verdict;
import org.hivescan.audit.checks.CipherAnalysis.Leaf;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.audit.model.Tables;
import org.hivescan.bytes.HiveFormatException;

/**
 * {@code cipher_overlap}: cipher suites (§4, §8 C1-C4).
 * <ul>
 * <li>{@code overlap} (C1): the host shares a suite with Microsoft 365 and one with Front Door (§4e);</li>
 * <li>{@code algorithms} (C2): no SChannel cipher, hash or key exchange those suites need is switched off (§4b);</li>
 * <li>{@code dhe_fallback} (C3): Front Door is not reached only through DHE on builds with the leading-zero bug,
 * and the Diffie-Hellman client minimum is not above 2048 bits (§4d);</li>
 * <li>{@code ecc_curves} (C4): an ECC curve policy keeps NistP256 or NistP384 (§6).</li>
 * </ul>
 */
final class CipherCheck implements CheckKind {
    /** Suite and curve names written back into a fix must look like names: nothing else from the hive passes. */
    private static final String SAFE_NAME = "[A-Za-z0-9_]{1,100}";

    @Override
    public List<String> modes() {
        return List.of("overlap", "algorithms", "dhe_fallback", "ecc_curves");
    }

    @Override
    public Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException {
        return switch (spec.mode()) {
            case "overlap" -> overlap(ctx);
            case "algorithms" -> algorithms(ctx);
            case "dhe_fallback" -> dheFallback(ctx);
            default -> eccCurves(ctx);
        };
    }

    private Outcome overlap(AuditContext ctx) throws HiveFormatException {
        CipherAnalysis a = CipherAnalysis.analyze(ctx);
        if (a.unknownReason != null) {
            return Outcome.of(Verdict.UNKNOWN, a.unknownReason);
        }
        List<String> host = a.host();
        String detail = describe(a, host);
        if (a.passes(host)) {
            return Outcome.of(Verdict.PASS, detail);
        }
        if (!a.m365(host).isEmpty() && a.afdUndecided(host)) {
            return Outcome.of(Verdict.UNKNOWN, detail + "; Front Door needs TLS 1.3 here, whose state is unknown");
        }
        String missing = a.m365(host).isEmpty() ? "no suite shared with Microsoft 365"
                : "no suite shared with Azure Front Door";
        return fixOverlap(ctx, a, Outcome.of(Verdict.FAIL, missing + " (§4e); " + detail));
    }

    private static String describe(CipherAnalysis a, List<String> host) {
        List<String> removed = CipherAnalysis.removedBy(a.t, a.listed, a.disabled);
        StringBuilder sb = new StringBuilder("list: ").append(a.source.label());
        a.skipped.forEach(s -> sb.append("; ").append(s));
        if (!a.unknownToBuild.isEmpty()) {
            sb.append("; ignored as unknown to build ").append(a.catalogRow.label()).append(" (§9.3): ")
                    .append(String.join(", ", a.unknownToBuild));
        }
        if (!removed.isEmpty()) {
            sb.append("; removed by SChannel switches (C2): ").append(CipherAnalysis.shortNames(removed));
        }
        if (a.curvesWithoutNist != null) {
            sb.append("; ECDHE and TLS 1.3 removed: EccCurves has no NIST curve (C4, §9.4)");
        }
        sb.append("; Microsoft 365 matches: ").append(CipherAnalysis.shortNames(a.m365(host)));
        sb.append("; Front Door TLS 1.2 matches: ").append(CipherAnalysis.shortNames(a.afd12(host)));
        if (!a.afd13(host).isEmpty()) {
            sb.append("; Front Door TLS 1.3 matches: ").append(CipherAnalysis.shortNames(a.afd13(host)));
        }
        return sb.toString();
    }

    /**
     * Plans the C1 fix: add a suite both Microsoft 365 and Front Door accept to the configured list when the list
     * itself lacks one, then re-enable the switched-off leaves that would still remove the needed suites.
     */
    private Outcome fixOverlap(AuditContext ctx, CipherAnalysis a, Outcome fail) throws HiveFormatException {
        List<RegChange> changes = new ArrayList<>();
        List<String> suites = new ArrayList<>(a.listed);
        if (!a.passes(a.listed)) {
            if (a.source.where() == null) {
                return fail;
            }
            List<String> add = candidates(ctx, a);
            add.forEach(s -> suites.add(a.normalize(s)));
            changes.add(listChange(ctx, a, add));
        }
        if (!a.passes(a.host(suites, a.disabled)) && a.curvesWithoutNist != null) {
            changes.add(curveChange(ctx, a.t, a.curvesWithoutNist));
            a.curvesWithoutNist = null;
        }
        if (!a.passes(a.host(suites, a.disabled))) {
            changes.addAll(reenable(ctx, a.minimalReenable(suites), "needed by C1"));
        }
        return fail.withChanges(changes).fixable(a.passes(suites));
    }

    /** A suite in the build's default list that both Microsoft 365 and Front Door accept, in §4d order. */
    private List<String> candidates(AuditContext ctx, CipherAnalysis a) {
        Tables.SuiteRow row = a.osRow(ctx.build());
        List<String> pool = row != null ? row.suites() : a.t.m365Tls12();
        String pick = pool.stream().filter(s -> a.t.m365Tls12().contains(s) && a.t.afdTls12().contains(s))
                .findFirst().orElse(a.t.m365Tls12().get(0));
        boolean suffixed = ctx.build() != null && a.t.curveSuffixesBefore() != null
                && ctx.build() < a.t.curveSuffixesBefore() && pick.startsWith("TLS_ECDHE_");
        if (!suffixed) {
            return List.of(pick);
        }
        return a.t.addCurveSuffixes().stream().map(suffix -> pick + suffix).toList();
    }

    /** The configured list with the added suites, written where it was read (REG_SZ for policy, §4a). */
    private RegChange listChange(AuditContext ctx, CipherAnalysis a, List<String> add) throws HiveFormatException {
        Tables.SuiteSource where = a.source.where();
        List<String> kept = a.source.entries().stream().filter(s -> s.matches(SAFE_NAME)).toList();
        Set<String> out = new LinkedHashSet<>(kept);
        out.addAll(add);
        int dropped = a.source.entries().size() - kept.size();
        String why = "add " + String.join(", ", add) + " to the " + where.label()
                + (dropped > 0 ? " (" + dropped + " malformed entries left out)" : "");
        List<String> list = List.copyOf(out);
        RegData data = where.hive() == HiveRole.SOFTWARE ? new RegData.Text(fitPolicy(a, list, add))
                : new RegData.MultiText(list);
        return ctx.change(where.hive(), where.path(), where.value(), data, why);
    }

    /** The Group Policy value holds at most 1,023 characters (§4a.1): keep the added suites, drop from the end. */
    private static String fitPolicy(CipherAnalysis a, List<String> list, List<String> add) {
        List<String> ordered = new ArrayList<>(add);
        list.stream().filter(s -> !add.contains(s)).forEach(ordered::add);
        int max = a.t.policyMaxChars() == null ? Integer.MAX_VALUE : a.t.policyMaxChars();
        String joined = String.join(",", list);
        while (joined.length() > max && ordered.size() > add.size()) {
            ordered.remove(ordered.size() - 1);
            joined = String.join(",", ordered);
        }
        return joined;
    }

    /** Deleting Enabled=0 restores a leaf: absent means on (§4b). */
    private static List<RegChange> reenable(AuditContext ctx, List<Leaf> leaves, String why)
            throws HiveFormatException {
        List<RegChange> out = new ArrayList<>();
        for (Leaf l : leaves) {
            out.add(ctx.change(HiveRole.SYSTEM, l.path(), "Enabled", new RegData.Delete(),
                    "re-enable SCHANNEL\\" + l.name() + " (" + why + ")"));
        }
        return out;
    }

    /**
     * C2 (§9.4): what each switched-off leaf costs. FAIL only when the removals are what leave C1 without a match;
     * the remedy then re-enables the fewest leaves a match needs. When matches remain, or C1 fails for another
     * reason, a WARN with no change: deliberate hardening C1 does not need is never undone.
     */
    private Outcome algorithms(AuditContext ctx) throws HiveFormatException {
        List<Leaf> off = CipherAnalysis.disabledLeaves(ctx);
        if (off.isEmpty()) {
            return Outcome.of(Verdict.PASS, "no cipher, hash or key exchange used by Microsoft 365 is disabled");
        }
        Tables.CipherTables t = ctx.tables().cipherSuites();
        Set<String> all = new LinkedHashSet<>(t.m365Tls12());
        all.addAll(t.afdTls12());
        all.addAll(t.afdTls13());
        List<String> removed = CipherAnalysis.removedBy(t, List.copyOf(all), off);
        String names = String.join(", ", off.stream().map(l -> l.name() + " Enabled=0").toList());
        String cost = names + " removes " + removed.size() + " Microsoft 365 / Front Door suites ("
                + CipherAnalysis.shortNames(removed) + ")";
        CipherAnalysis a = CipherAnalysis.analyze(ctx);
        if (a.unknownReason != null) {
            return Outcome.of(Verdict.WARN, cost + "; whether a match remains is unknown: " + a.unknownReason);
        }
        List<String> host = a.host();
        if (a.passes(host)) {
            return Outcome.of(Verdict.WARN, cost + "; " + (a.m365(host).size() + a.afd12(host).size())
                    + " matches remain (" + CipherAnalysis.shortNames(a.m365(host)) + "), so C1 still passes");
        }
        List<Leaf> needed = a.minimalReenable(a.listed);
        if (needed.isEmpty()) {
            return Outcome.of(Verdict.WARN, cost + "; C1 fails for another reason, re-enabling would not help");
        }
        return Outcome.of(Verdict.FAIL, cost + ", which leaves C1 without a match; re-enabling "
                + String.join(", ", needed.stream().map(Leaf::name).toList()) + " restores one")
                .withChanges(reenable(ctx, needed, "C2: needed by C1"));
    }

    /** C3: DHE-only Front Door path on a build with the leading-zero bug, or a high DH client minimum. */
    private Outcome dheFallback(AuditContext ctx) throws HiveFormatException {
        CipherAnalysis a = CipherAnalysis.analyze(ctx);
        if (a.unknownReason != null) {
            return Outcome.of(Verdict.UNKNOWN, a.unknownReason);
        }
        List<String> issues = new ArrayList<>();
        Verdict dhe = dheOnly(ctx, a, issues);
        Verdict bits = dhMinimum(ctx, a.t, issues);
        Verdict v = dhe.worst(bits);
        if (v == Verdict.PASS) {
            List<String> afd = a.afd12(a.host());
            return Outcome.of(Verdict.PASS, afd.isEmpty() ? "no Front Door TLS 1.2 match to assess (see C1)"
                    : "Front Door is reached through " + CipherAnalysis.shortNames(afd) + "; DH minimum fine");
        }
        return Outcome.of(v, String.join("; ", issues));
    }

    private Verdict dheOnly(AuditContext ctx, CipherAnalysis a, List<String> issues) {
        List<String> afd = a.afd12(a.host());
        boolean onlyDhe = !afd.isEmpty() && afd.stream().allMatch(s -> s.startsWith("TLS_DHE_"))
                && a.afd13(a.host()).isEmpty();
        if (!onlyDhe) {
            return Verdict.PASS;
        }
        Integer build = ctx.build();
        if (build == null) {
            issues.add("Front Door is reached only through DHE, and " + ctx.buildUnknownReason());
            return Verdict.UNKNOWN;
        }
        Long ubr = ctx.facts().ubr();
        // KB4557473: 10586 and later carry the leading-zero fix, except 14393, which needs the 2020-02-25 update.
        boolean patchedBuild = a.t.dhePatchedBuild() != null && build.equals(a.t.dhePatchedBuild());
        boolean buggy = build < a.t.dheFixedFromBuild()
                || (patchedBuild && (ubr == null || ubr < a.t.dheFixedFromUbr()));
        if (!buggy) {
            return Verdict.PASS;
        }
        issues.add("Front Door is reached only through " + CipherAnalysis.shortNames(afd) + " on build "
                + ctx.facts().buildText() + ", which has the DHE leading-zero bug (intermittent handshake failures)");
        return Verdict.WARN;
    }

    private Verdict dhMinimum(AuditContext ctx, Tables.CipherTables t, List<String> issues) throws HiveFormatException {
        String dh = t.keyExchange().get("DHE");
        if (dh == null) {
            return Verdict.PASS;
        }
        Reading r = ctx.read(HiveRole.SYSTEM, t.algorithmRoot() + "\\" + dh, "ClientMinKeyBitLength");
        Long bits = r.dword().orElse(null);
        if (bits != null && bits > t.dhClientMinBitsMax()) {
            issues.add("Diffie-Hellman ClientMinKeyBitLength=" + bits + " (> " + t.dhClientMinBitsMax()
                    + ") can reject DHE servers");
            return Verdict.WARN;
        }
        return Verdict.PASS;
    }

    /** C4: a policy ECC curve order without NistP256/NistP384 breaks ECDHE and Front Door TLS 1.3 (§6). */
    private Outcome eccCurves(AuditContext ctx) throws HiveFormatException {
        Tables.CipherTables t = ctx.tables().cipherSuites();
        Reading r = ctx.read(HiveRole.SOFTWARE, t.eccCurvesPath(), "EccCurves");
        if (!r.present()) {
            return Outcome.of(Verdict.NA, "no ECC curve order policy (EccCurves absent)");
        }
        List<String> curves = r.multiText().orElse(null);
        if (curves == null) {
            return Outcome.of(Verdict.FAIL, "EccCurves is " + r.typeName() + ", not REG_MULTI_SZ")
                    .withChanges(List.of(curveChange(ctx, t, List.of())));
        }
        boolean ok = curves.stream().anyMatch(c -> t.eccCurvesRequiredAny().stream()
                .anyMatch(req -> req.equalsIgnoreCase(c.trim())));
        String shown = "EccCurves = " + String.join(", ", curves);
        if (ok) {
            return Outcome.of(Verdict.PASS, shown);
        }
        return Outcome.of(Verdict.FAIL, shown + ": neither " + String.join(" nor ", t.eccCurvesRequiredAny()))
                .withChanges(List.of(curveChange(ctx, t, curves)));
    }

    private RegChange curveChange(AuditContext ctx, Tables.CipherTables t, List<String> curves)
            throws HiveFormatException {
        Set<String> out = new LinkedHashSet<>();
        curves.stream().map(String::trim).filter(c -> c.matches(SAFE_NAME)).forEach(out::add);
        for (String req : t.eccCurvesRequiredAny()) {
            if (out.stream().noneMatch(c -> c.toLowerCase(Locale.ROOT).equals(req.toLowerCase(Locale.ROOT)))) {
                out.add(req);
            }
        }
        return ctx.change(HiveRole.SOFTWARE, t.eccCurvesPath(), "EccCurves", new RegData.MultiText(List.copyOf(out)),
                "keep NistP256/NistP384 in the ECC curve order");
    }
}
