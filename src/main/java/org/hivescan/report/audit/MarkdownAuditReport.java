package org.hivescan.report.audit;

import java.io.PrintWriter;
import java.util.List;
import org.hivescan.audit.AuditReport;
import org.hivescan.audit.Evidence;
import org.hivescan.audit.HiveInfo;
import org.hivescan.audit.HostFacts;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RuleResult;
import org.hivescan.audit.StackResult;
import org.hivescan.audit.Verdict;
import org.hivescan.report.Escaping;

/** The audit as Markdown for a ticket: summary tables, then the detail of every rule that does not pass. */
public final class MarkdownAuditReport {
    private final PrintWriter out;

    private MarkdownAuditReport(PrintWriter out) {
        this.out = out;
    }

    public static void write(AuditReport r, PrintWriter out) {
        new MarkdownAuditReport(out).write(r);
        out.flush();
    }

    private void write(AuditReport r) {
        HostFacts h = r.host();
        out.println("# TLS 1.2 readiness for Microsoft 365: " + r.overall().label());
        out.println();
        out.println("| Host fact | Value |");
        out.println("|---|---|");
        row("Computer name", md(h.computerName()));
        row("Windows", md(h.windowsName()) + (h.build() == null ? " (build unknown)" : " (build "
                + h.buildText() + ", " + md(h.buildSource()) + ")"));
        row("Edition / installation", md(h.editionId()) + " / " + md(h.installationType()));
        row("ProductName", md(h.productName()));
        row("Architecture", md(h.architecture()));
        row("Control set", md(h.controlSet()));
        row(".NET 4.x", h.dotnetVersion() == null ? "none (no 4.5+)" : md(h.dotnetVersion()) + " (Release "
                + h.dotnetRelease() + ")");
        row(".NET 3.5", h.dotnet35() == null ? "unknown" : h.dotnet35() ? "installed" : "not installed");
        for (HiveInfo hi : r.hives()) {
            row(hi.role().name() + " hive", !hi.given() ? "not given" : "`" + code(hi.path()) + "`, "
                    + (hi.dirty() ? "dirty, logs " + (hi.logsApplied() ? "applied" : "not applied") : "clean"));
        }
        h.notes().forEach(n -> row("Note", md(n)));
        out.println();
        stacks(r);
        rules(r.rules());
        details(r.rules());
        changes(r);
        out.println("_hivescan audit, rules " + md(r.rulesVersion()) + "_");
    }

    private void stacks(AuditReport r) {
        out.println("## Stacks");
        out.println();
        out.println("| Stack | Ready | Failing | Unknown |");
        out.println("|---|---|---|---|");
        for (StackResult s : r.stacks()) {
            out.println("| " + md(s.title()) + " | " + (s.ready() == null ? "unknown" : s.ready() ? "yes" : "**no**")
                    + " | " + String.join(", ", s.failing()) + " | " + String.join(", ", s.unknown()) + " |");
        }
        out.println();
        out.println("**Overall: " + r.overall().label() + ".** Registry changes alone "
                + (r.fixableByRegistry() ? "suffice." : "do not suffice."));
        r.fixBlockers().forEach(b -> out.println("- " + md(b)));
        out.println();
    }

    private void rules(List<RuleResult> rules) {
        out.println("## Rules");
        out.println();
        out.println("| Rule | Verdict | Severity | Title | Finding |");
        out.println("|---|---|---|---|---|");
        for (RuleResult r : rules) {
            String v = r.verdict() == Verdict.FAIL ? "**FAIL**" : r.verdict().label();
            out.println("| " + md(r.id()) + " | " + v + " | " + r.severity() + " | " + md(r.title()) + " | "
                    + md(r.finding()) + " |");
        }
        out.println();
    }

    private void details(List<RuleResult> rules) {
        for (RuleResult r : rules) {
            if (r.verdict() == Verdict.PASS || r.verdict() == Verdict.NA) {
                continue;
            }
            out.println("### " + md(r.id()) + ": " + r.verdict().label() + " (" + r.severity() + ") "
                    + md(r.title()));
            out.println();
            out.println(md(r.finding()));
            out.println();
            evidence(r.evidence());
            out.println("- Remedy: " + md(r.remedy()));
            out.println("- Reference: " + md(r.reference()) + (r.section() == null ? "" : " (tls-rules.md "
                    + md(r.section()) + ")"));
            out.println();
        }
    }

    private void evidence(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return;
        }
        out.println("| Hive | Key | Value | Found | Assumed |");
        out.println("|---|---|---|---|---|");
        for (Evidence e : evidence) {
            String assumed = e.assumed() == null ? "" : md(e.assumed()) + ": " + md(e.reason());
            out.println("| " + e.hive() + " | `" + code(e.key()) + "` | " + (e.value() == null ? "(key)"
                    : e.value().isEmpty() ? "(default)" : md(e.value())) + " | " + md(e.foundText()) + " | "
                    + assumed + " |");
        }
        out.println();
    }

    private void changes(AuditReport r) {
        List<RegChange> changes = r.changes();
        if (changes.isEmpty()) {
            return;
        }
        out.println("## Registry changes (" + (r.tls12Only() ? "tls12-only" : "article") + " variant)");
        out.println();
        out.println("| Rules | Hive | Key | Value | Data |");
        out.println("|---|---|---|---|---|");
        for (RegChange c : changes) {
            out.println("| " + String.join(", ", c.ruleIds()) + " | " + c.hive() + " | `" + code(c.path())
                    + "` | " + md(c.valueName()) + " | " + md(c.data().describe()) + " |");
        }
        out.println();
    }

    private void row(String name, String value) {
        out.println("| " + name + " | " + value + " |");
    }

    /** Hive text in table cells: markup, pipes and backticks neutralised. */
    private static String md(String s) {
        return s == null ? "unknown" : Escaping.html(s);
    }

    /** Hive text inside a code span: no backtick or pipe can end it or the table cell. */
    private static String code(String s) {
        return s == null ? "" : Escaping.terminal(s).replace("`", "'").replace("|", "\\|");
    }
}
