package org.hivescan.report.audit;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hivescan.audit.AuditReport;
import org.hivescan.audit.Evidence;
import org.hivescan.audit.HiveInfo;
import org.hivescan.audit.HostFacts;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RuleResult;
import org.hivescan.audit.StackResult;
import org.hivescan.audit.Verdict;
import org.hivescan.report.Escaping;

/**
 * The audit for people. The first screen gives the answer: the result, each stack, the warnings of a READY host,
 * the missing evidence of an UNKNOWN one in one line, and what blocks a registry-only fix. Lines wrap at the
 * terminal's width (COLUMNS, else 80) and never inside a registry path; piped output is not wrapped. Colour only
 * when the caller says so (a TTY without NO_COLOR). Passing rules take one line; the others show their finding,
 * evidence, remedy and reference. {@code verbose} shows evidence for every rule.
 */
public final class TextAuditReport {
    static final int WIDTH = 80;
    private static final String INDENT = "              ";

    private final PrintWriter out;
    private final Style style;
    private final boolean verbose;
    private final int width;

    private TextAuditReport(PrintWriter out, boolean color, boolean verbose, int width) {
        this.out = out;
        this.style = new Style(color);
        this.verbose = verbose;
        this.width = width;
    }

    /**
     * The wrap width: COLUMNS when it holds a usable number, else 80 on a terminal; piped output without COLUMNS
     * is not wrapped, so grep and copy see whole lines.
     */
    public static int width(String columns, boolean terminal) {
        if (columns != null && columns.trim().matches("\\d{2,4}")) {
            return Math.max(40, Integer.parseInt(columns.trim()));
        }
        return terminal ? WIDTH : Wrap.NONE;
    }

    /**
     * Whether to colour: {@code always} or {@code never} as asked; {@code auto} only on a terminal, never when
     * NO_COLOR is set to anything (https://no-color.org), and not on a dumb terminal.
     */
    public static boolean colorWanted(String when, boolean terminal, String noColor, String term) {
        if ("always".equals(when) || "never".equals(when)) {
            return "always".equals(when);
        }
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    }

    /** Writes the report wrapped at 80 columns. */
    public static void write(AuditReport r, PrintWriter out, boolean color, boolean verbose) {
        write(r, out, color, verbose, WIDTH);
    }

    /** Writes the report wrapped at {@code width} ({@link #width}); {@code Integer.MAX_VALUE} does not wrap. */
    public static void write(AuditReport r, PrintWriter out, boolean color, boolean verbose, int width) {
        new TextAuditReport(out, color, verbose, width).write(r);
        out.flush();
    }

    private void write(AuditReport r) {
        out.println(style.bold("TLS 1.2 readiness for Microsoft 365") + "  (hivescan rules " + r.rulesVersion()
                + (r.rulesCustomized() ? ", site rules" : "") + ")");
        out.println();
        host(r.host(), r.hives().stream().anyMatch(h -> h.role() == org.hivescan.audit.HiveRole.SOFTWARE
                && h.given()));
        hives(r.hives());
        out.println();
        verdict(r);
        out.println();
        rules(r.rules());
        changes(r);
    }

    private void host(HostFacts h, boolean software) {
        field("Host", safe(h.computerName()));
        field("Windows", safe(h.windowsName()) + (h.build() == null ? ", build unknown"
                : ", build " + h.buildText() + " (" + h.buildSource() + ")"));
        List<String> more = new ArrayList<>();
        addIf(more, h.editionId());
        addIf(more, h.installationType());
        addIf(more, h.csdVersion());
        if (h.productName() != null) {
            more.add("ProductName \"" + h.productName() + "\"");
        }
        if (!more.isEmpty()) {
            field("", safe(String.join(", ", more)));
        }
        field("Architecture", safe(h.architecture()) + (h.controlSet() == null ? ""
                : "; control set " + h.controlSet() + " (Select\\Current)"));
        String noFull = software ? "no 4.5+" : "unknown (needs the SOFTWARE hive)";
        field(".NET", (h.dotnetVersion() == null ? noFull : "4.x " + h.dotnetVersion() + " (Release "
                + h.dotnetRelease() + ")") + (h.dotnet35() == null ? "" : h.dotnet35() ? "; 3.5 installed"
                        : "; 3.5 not installed"));
        h.notes().forEach(n -> field("Note", safe(n)));
    }

    private void hives(List<HiveInfo> hives) {
        for (HiveInfo h : hives) {
            if (!h.given()) {
                field(h.role().name(), "not given: rules that need it are UNKNOWN");
                continue;
            }
            String state = !h.dirty() ? "clean" : h.logsApplied() ? "dirty, " + h.logsFound() + " log(s) applied"
                    : "dirty, logs not applied (" + h.logsFound() + " found)";
            field(h.role().name(), safe(h.path()) + " (" + state + ")");
        }
    }

    private void verdict(AuditReport r) {
        out.println(style.bold("Result: ") + style.readiness(r.overall(), r.overall().label()));
        for (StackResult s : r.stacks()) {
            String mark = s.ready() == null ? "[ ?  ]" : s.ready() ? "[ yes]" : "[ no ]";
            String why = !s.failing().isEmpty() ? "fails: " + String.join(", ", s.failing())
                    : !s.unknown().isEmpty() ? "unknown: " + String.join(", ", s.unknown()) : "";
            String line = String.format("  %s %-42s %s", mark, s.title(), why);
            out.println("  " + style.readiness(s.readiness(), mark) + line.substring(2 + mark.length()));
        }
        warnings(r);
        outsideTheStacks(r);
        missingEvidence(r);
        if (r.overall() != org.hivescan.audit.Readiness.READY) {
            if (r.fixableByRegistry() || r.fixBlockers().isEmpty()) {
                wrap("Registry changes alone can make this host READY (see --fix).", "  ", "  ");
            } else {
                wrap("Registry changes alone cannot make this host READY:", "  ", "  ");
            }
            for (String b : r.fixBlockers()) {
                wrap(safe(b), "  - ", "    ");
            }
        }
    }

    /** WARNs never change the verdict (§9.1), but the result block names them. */
    private void warnings(AuditReport r) {
        List<String> warns = r.rules().stream().filter(x -> x.verdict() == Verdict.WARN)
                .map(x -> x.id()).toList();
        if (!warns.isEmpty()) {
            wrap((r.overall() == org.hivescan.audit.Readiness.READY ? "READY, with " : "Also ") + warns.size()
                    + " warning(s) that do not change the verdict: " + String.join(", ", warns), "  ", "    ");
        }
    }

    /**
     * A failing rule that joins no stack (a site rule without {@code stacks:}) cannot change the verdict (§9.1),
     * but a reader of the result block must still see it.
     */
    private void outsideTheStacks(AuditReport r) {
        Set<String> inStacks = new LinkedHashSet<>();
        r.stacks().forEach(s -> inStacks.addAll(s.rules()));
        List<String> failing = r.rules().stream()
                .filter(x -> x.verdict() == Verdict.FAIL && !inStacks.contains(x.id()))
                .map(x -> x.id() + " (" + x.severity() + ")").toList();
        if (!failing.isEmpty()) {
            wrap("Failing outside the three stacks (they do not change the verdict): " + String.join(", ", failing),
                    "  ", "    ");
        }
    }

    /** For UNKNOWN, the missing evidence in one line: each unknown stack rule's finding up to its first clause. */
    private void missingEvidence(AuditReport r) {
        if (r.overall() != org.hivescan.audit.Readiness.UNKNOWN) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        r.stacks().forEach(s -> ids.addAll(s.unknown()));
        Map<String, List<String>> byClause = new LinkedHashMap<>();
        for (RuleResult x : r.rules()) {
            if (ids.contains(x.id())) {
                byClause.computeIfAbsent(firstClause(safe(x.finding())), k -> new ArrayList<>()).add(x.id());
            }
        }
        List<String> parts = new ArrayList<>();
        byClause.forEach((clause, rules) -> parts.add(String.join(", ", rules) + " " + clause));
        out.println("  Missing evidence: " + String.join("; ", parts));
    }

    /**
     * The part of an UNKNOWN finding that names what is missing: of its "; "-separated parts, the first that
     * says "no ..." or "needs ...", else the first; without the explanation in parentheses.
     */
    static String firstClause(String finding) {
        String[] parts = finding.split("; ");
        String missing = parts[0];
        for (String part : parts) {
            String p = part.startsWith("but ") ? part.substring(4) : part;
            if (p.startsWith("no ") || p.contains("needs ")) {
                missing = p;
                break;
            }
        }
        int cut = missing.indexOf(" (");
        return cut > 0 ? missing.substring(0, cut) : missing;
    }

    private void rules(List<RuleResult> rules) {
        out.println(style.bold("Rules"));
        for (RuleResult r : rules) {
            ruleHeader(r);
            wrap(safe(r.finding()), INDENT, INDENT);
            if (verbose || showsEvidence(r)) {
                evidence(r.evidence());
            }
            if (verbose || !(r.verdict() == Verdict.PASS || r.verdict() == Verdict.NA)) {
                advice(r);
            }
        }
    }

    /** "  FAIL    S1   CRIT SChannel TLS 1.2 client is enabled", the verdict coloured. */
    private void ruleHeader(RuleResult r) {
        String label = String.format("%-7s", r.verdict().label());
        String head = String.format("%-4s %-4s ", r.id(), r.severity().name());
        List<String> title = Wrap.lines(safe(r.title()), width, "  " + label + " " + head, INDENT);
        out.println("  " + style.verdict(r.verdict(), label) + title.get(0).substring(2 + label.length()));
        title.subList(1, title.size()).forEach(out::println);
    }

    /** Remedy, knowledge-base section and reference URL (never broken, so it stays clickable). */
    private void advice(RuleResult r) {
        if (r.verdict() != Verdict.PASS && r.verdict() != Verdict.NA) {
            wrap("remedy: " + safe(r.remedy()), INDENT, INDENT + "  ");
        }
        if (r.section() != null) {
            wrap("see tls-rules.md " + safe(r.section()), INDENT, INDENT + "  ");
        }
        if (r.reference() != null) {
            out.println(INDENT + safe(r.reference()));
        }
    }

    /** Failures and unknowns show their evidence; an INFO warning shows only its finding (see -v or JSON). */
    private static boolean showsEvidence(RuleResult r) {
        return r.verdict() == Verdict.FAIL || r.verdict() == Verdict.UNKNOWN
                || (r.verdict() == Verdict.WARN && r.severity() != org.hivescan.audit.Severity.INFO);
    }

    /** Evidence grouped by key: the key once, its values on one line, each assumed default once. */
    private void evidence(List<Evidence> evidence) {
        Map<String, List<Evidence>> byKey = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            byKey.computeIfAbsent(e.hive() + "|" + e.key(), k -> new ArrayList<>()).add(e);
        }
        for (List<Evidence> group : byKey.values()) {
            Evidence first = group.get(0);
            boolean keyAbsent = group.stream().noneMatch(Evidence::keyExists);
            wrap(safe(first.key()) + (keyAbsent ? " (key absent)" : ""), INDENT + "- ", INDENT + "  ");
            List<String> values = new ArrayList<>();
            Set<String> assumed = new LinkedHashSet<>();
            for (Evidence e : group) {
                if (e.value() != null) {
                    String name = e.value().isEmpty() ? "(default)" : e.value();
                    values.add(name + (e.found() ? " = " + e.type() + " " + e.data() : " absent"));
                }
                if (e.assumed() != null) {
                    assumed.add("assumed " + e.assumed() + ": " + e.reason());
                }
            }
            if (!values.isEmpty()) {
                wrap(safe(String.join("; ", values)), INDENT + "  ", INDENT + "    ");
            } else if (!keyAbsent) {
                wrap("key present", INDENT + "  ", INDENT + "    ");
            }
            assumed.forEach(a -> wrap(safe(a), INDENT + "  ", INDENT + "    "));
        }
    }

    private void changes(AuditReport r) {
        List<RegChange> changes = r.changes();
        if (changes.isEmpty()) {
            return;
        }
        out.println();
        out.println(style.bold("Registry changes planned") + " (" + (r.tls12Only() ? "tls12-only" : "article")
                + " variant; see --fix, --fix-offline)");
        for (RegChange c : changes) {
            wrap(String.join(",", c.ruleIds()) + ": " + c.hive().name() + "\\" + c.path() + " " + c.valueName()
                    + " := " + c.data().describe(), "  ", "      ");
        }
    }

    private void field(String name, String value) {
        wrap(value, String.format("%-14s", name), INDENT);
    }

    private void wrap(String text, String first, String rest) {
        Wrap.lines(text, width, first, rest).forEach(out::println);
    }

    private static void addIf(List<String> list, String s) {
        if (s != null && !s.isBlank()) {
            list.add(s);
        }
    }

    private static String safe(String s) {
        return s == null ? "unknown" : Escaping.terminal(s);
    }
}
