package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.model.SuiteCatalog;
import org.hivescan.audit.model.Tables;
import org.hivescan.bytes.HiveFormatException;

/**
 * The host's effective cipher-suite list and its overlap with Microsoft 365 and Azure Front Door (§4e):
 * the configured order by precedence (§4a), keeping only names the build knows (§9.3, the suite catalogue), minus
 * the suites an SChannel algorithm switch removes (§4b, §9.4) and the ECDHE suites an ECC curve policy without a
 * NIST curve removes (§9.4), matched against the lists of §4d after stripping curve suffixes (§4a.4).
 */
final class CipherAnalysis {
    /** An SChannel algorithm leaf with Enabled=0. */
    record Leaf(String name, String path, Reading reading) {
    }

    /** Where the list came from: a registry source, or the OS default row. */
    record Source(Tables.SuiteSource where, Reading reading, List<String> entries, Tables.SuiteRow osRow) {
        String label() {
            return where != null ? where.label() + " (" + reading.evidence().key() + "\\" + where.value() + ")"
                    : "OS default for the build: " + osRow.label() + " (§4c)";
        }
    }

    final Tables.CipherTables t;
    final List<String> skipped = new ArrayList<>();
    /** Configured names that would match Microsoft 365 or Front Door but that this build does not know (§9.3). */
    final List<String> unknownToBuild = new ArrayList<>();
    /** The EccCurves policy when it holds none of the NIST curves (§9.4), else null. */
    List<String> curvesWithoutNist;
    SuiteCatalog.Row catalogRow;
    Source source;
    String unknownReason;
    List<String> listed = List.of();
    List<Leaf> disabled = List.of();
    Schannel.State tls13 = Schannel.State.UNKNOWN;

    private CipherAnalysis(Tables.CipherTables t) {
        this.t = t;
    }

    /** Reads everything §4e needs; {@link #unknownReason} is set when the list cannot be known. */
    static CipherAnalysis analyze(AuditContext ctx) throws HiveFormatException {
        CipherAnalysis a = new CipherAnalysis(ctx.tables().cipherSuites());
        a.source = a.findSource(ctx);
        if (a.source == null) {
            return a;
        }
        a.catalogRow = SuiteCatalog.builtIn().forBuild(ctx.build()).orElse(null);
        List<String> known = a.source.where() == null ? a.source.entries() : a.knownToBuild(ctx, a.source.entries());
        if (a.unknownReason != null) {
            return a;
        }
        a.listed = a.normalizeAll(known);
        a.disabled = disabledLeaves(ctx);
        a.curvesWithoutNist = curvesWithoutNist(ctx);
        a.tls13 = Schannel.state(ctx, "TLS 1.3", "Client").state();
        return a;
    }

    /**
     * §9.3: a configured name that would match Microsoft 365 or Front Door counts only if the build knows it;
     * the others are dropped and listed. Names that can never match are kept as they are (they change nothing).
     */
    private List<String> knownToBuild(AuditContext ctx, List<String> entries) {
        if (catalogRow == null) {
            unknownReason = "a cipher-suite order is configured, and which of its names the build knows (§9.3)"
                    + " needs the build: " + (ctx.build() == null ? ctx.buildUnknownReason()
                            : "no suite catalogue row for build " + ctx.build());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            boolean relevant = relevant(normalize(e));
            if (relevant && !catalogRow.knows(e)) {
                unknownToBuild.add(e.trim());
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private boolean relevant(String normalized) {
        return t.m365Tls12().contains(normalized) || t.afdTls12().contains(normalized)
                || t.afdTls13().contains(normalized);
    }

    /** §9.4: the policy ECC curve order, when it is a string list with none of the NIST curves; else null. */
    static List<String> curvesWithoutNist(AuditContext ctx) throws HiveFormatException {
        Tables.CipherTables t = ctx.tables().cipherSuites();
        Reading r = ctx.read(HiveRole.SOFTWARE, t.eccCurvesPath(), "EccCurves");
        List<String> curves = r.multiText().orElse(null);
        if (curves == null) {
            return null;
        }
        boolean nist = curves.stream().anyMatch(c -> t.eccCurvesRequiredAny().stream()
                .anyMatch(req -> req.equalsIgnoreCase(c.trim())));
        return nist ? null : curves;
    }

    private Source findSource(AuditContext ctx) throws HiveFormatException {
        for (Tables.SuiteSource s : t.sources()) {
            Reading r = ctx.read(s.hive(), s.path(), s.value());
            List<String> entries = entries(r);
            if (entries != null && !entries.isEmpty()) {
                return new Source(s, r, entries, null);
            }
            if (r.present()) {
                skipped.add(s.label() + " is " + (entries == null ? r.typeName() + " (not a suite list)" : "empty")
                        + ", ignored");
            }
        }
        Integer build = ctx.build();
        if (build == null) {
            unknownReason = "no cipher-suite order is configured, so the OS default applies, and "
                    + ctx.buildUnknownReason();
            return null;
        }
        Tables.SuiteRow row = osRow(build);
        if (row == null) {
            unknownReason = "no configured cipher-suite order and no OS default list for build " + build;
            return null;
        }
        return new Source(null, null, row.suites(), row);
    }

    Tables.SuiteRow osRow(Integer build) {
        Tables.SuiteRow found = null;
        for (Tables.SuiteRow r : t.osDefaults()) {
            if (build != null && build >= r.from()) {
                found = r;
            }
        }
        return found;
    }

    /** REG_SZ comma-separated (Group Policy) or REG_MULTI_SZ (CNG); null for any other type. */
    private static List<String> entries(Reading r) throws HiveFormatException {
        Optional<List<String>> multi = r.multiText();
        if (multi.isPresent()) {
            return trimmed(multi.get());
        }
        Optional<String> text = r.text();
        return text.map(s -> trimmed(List.of(s.split(",")))).orElse(null);
    }

    private static List<String> trimmed(List<String> in) {
        return in.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    List<String> normalizeAll(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(normalize(n)));
        return List.copyOf(out);
    }

    /** Upper case without the curve suffix of pre-Windows 10 names (§4a.4). */
    String normalize(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (String suffix : t.curveSuffixes()) {
            if (n.endsWith(suffix.toUpperCase(Locale.ROOT))) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    /** Every SChannel algorithm leaf of §4b with Enabled=0 (only a REG_DWORD 0 switches a leaf off). */
    static List<Leaf> disabledLeaves(AuditContext ctx) throws HiveFormatException {
        Tables.CipherTables t = ctx.tables().cipherSuites();
        List<Leaf> out = new ArrayList<>();
        for (Map<String, String> group : List.of(t.keyExchange(), t.ciphers(), t.hashes())) {
            for (String leaf : new LinkedHashSet<>(group.values())) {
                String path = t.algorithmRoot() + "\\" + leaf;
                Reading r = ctx.read(HiveRole.SYSTEM, path, "Enabled");
                if (r.dword().orElse(1L) == 0) {
                    out.add(new Leaf(leaf, path, r));
                }
            }
        }
        return out;
    }

    /** The leaves a suite needs: key exchange by prefix, cipher by infix, hash by suffix (§4b). */
    static Set<String> leavesOf(Tables.CipherTables t, String suite) {
        Set<String> need = new LinkedHashSet<>();
        t.keyExchange().forEach((k, leaf) -> {
            if (suite.startsWith("TLS_" + k + "_")) {
                need.add(leaf);
            }
        });
        t.ciphers().forEach((k, leaf) -> {
            if (suite.contains("_" + k + "_")) {
                need.add(leaf);
            }
        });
        t.hashes().forEach((k, leaf) -> {
            if (suite.endsWith("_" + k)) {
                need.add(leaf);
            }
        });
        return need;
    }

    /** The suites of a list that a set of disabled leaves removes. */
    static List<String> removedBy(Tables.CipherTables t, List<String> suites, List<Leaf> leaves) {
        Set<String> off = new LinkedHashSet<>();
        leaves.forEach(l -> off.add(l.name()));
        return suites.stream().filter(s -> leavesOf(t, s).stream().anyMatch(off::contains)).toList();
    }

    /**
     * §4e step 1: the listed suites minus those removed by the given leaves, and minus the ECDHE and TLS 1.3
     * suites when the curve policy holds no NIST curve (§9.4).
     */
    List<String> host(List<String> suites, List<Leaf> leaves) {
        List<String> removed = removedBy(t, suites, leaves);
        return suites.stream().filter(s -> !removed.contains(s)).filter(s -> !removedByCurves(s)).toList();
    }

    boolean removedByCurves(String suite) {
        return curvesWithoutNist != null && (suite.startsWith("TLS_ECDHE_") || t.afdTls13().contains(suite));
    }

    /**
     * §9.4: the fewest switched-off leaves whose re-enabling lets the suites pass, preferring the leaf that
     * restores the most Microsoft 365 / Front Door suites; empty when none is needed or none would do.
     */
    List<Leaf> minimalReenable(List<String> suites) {
        List<Leaf> off = new ArrayList<>(disabled);
        List<Leaf> chosen = new ArrayList<>();
        while (!passes(host(suites, off)) && !off.isEmpty()) {
            Leaf best = null;
            int bestScore = -1;
            for (Leaf l : off) {
                List<Leaf> trial = new ArrayList<>(off);
                trial.remove(l);
                int score = (passes(host(suites, trial)) ? 1000 : 0) + relevantCount(host(suites, trial));
                if (score > bestScore) {
                    best = l;
                    bestScore = score;
                }
            }
            off.remove(best);
            chosen.add(best);
        }
        return passes(host(suites, off)) ? chosen : List.of();
    }

    private int relevantCount(List<String> host) {
        return (int) host.stream().filter(this::relevant).count();
    }

    List<String> host() {
        return host(listed, disabled);
    }

    static List<String> intersect(List<String> host, List<String> set) {
        return host.stream().filter(set::contains).toList();
    }

    List<String> m365(List<String> host) {
        return intersect(host, t.m365Tls12());
    }

    List<String> afd12(List<String> host) {
        return intersect(host, t.afdTls12());
    }

    /** The AFD TLS 1.3 matches, counted only when TLS 1.3 is in effect for the client. */
    List<String> afd13(List<String> host) {
        return tls13 == Schannel.State.ENABLED ? intersect(host, t.afdTls13()) : List.of();
    }

    /** §4e step 2: a Microsoft 365 match and a Front Door match (TLS 1.2, or TLS 1.3 when in effect). */
    boolean passes(List<String> host) {
        return !m365(host).isEmpty() && (!afd12(host).isEmpty() || !afd13(host).isEmpty());
    }

    /** Whether only an unknown TLS 1.3 state keeps the Front Door side undecided. */
    boolean afdUndecided(List<String> host) {
        return afd12(host).isEmpty() && tls13 == Schannel.State.UNKNOWN
                && !intersect(host, t.afdTls13()).isEmpty();
    }

    /** Short display form: TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 becomes ECDHE_RSA_AES_256_GCM_SHA384 (§4c). */
    static String shortName(String suite) {
        if (!suite.contains("_WITH_")) {
            return suite;
        }
        String s = suite.startsWith("TLS_") ? suite.substring(4) : suite;
        return s.replace("_WITH_", "_");
    }

    static String shortNames(List<String> suites) {
        return suites.isEmpty() ? "none" : String.join(", ", suites.stream().map(CipherAnalysis::shortName).toList());
    }
}
