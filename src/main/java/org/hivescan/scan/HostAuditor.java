package org.hivescan.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.volume.OpenedDisk;

/**
 * Audits one host. {@link #audit} never throws: an unreadable hive, a hostile structure or even a library bug
 * becomes an ERROR result naming the reason, so one host can never stop a scan. The time limit is the caller's.
 */
public final class HostAuditor {
    private final HiveAccess hives;
    private final AuditAccess audits;

    /**
     * @param files where the hives are read from
     * @param siteRules extra or overriding rules (as {@code audit --rules}), or null
     */
    public HostAuditor(ScanFiles files, Path siteRules) {
        this.hives = new HiveAccess(files, SourceOpener.MAX_MEMBER_BYTES);
        this.audits = new AuditAccess(siteRules);
    }

    /** The CSV header this auditor's rows follow. */
    public List<String> csvHeader() {
        return HostRecord.csvHeader(audits.stackIds(), audits.ruleIds());
    }

    /** The stack ids, then the rule ids, as the CSV columns name them. */
    public List<String> stackIds() {
        return audits.stackIds();
    }

    public List<String> ruleIds() {
        return audits.ruleIds();
    }

    public HostResult audit(HostPlan plan) {
        return outcome(plan).result();
    }

    /** A host's result with the {@code hosts.jsonl} line as a tree, so a local scan need not parse it back. */
    record Outcome(HostResult result, ObjectNode line) {
    }

    /** {@link #audit} with its line as a tree. Never throws. */
    Outcome outcome(HostPlan plan) {
        try {
            if (plan.error() != null) {
                return result(plan, HostRecord.line(plan, plan.nameHint(), HostResult.ERROR, plan.error(), null, Map.of()),
                        Map.of());
            }
            if (plan.duplicateOf() != null) {
                return result(plan, HostRecord.line(plan, plan.nameHint(), HostResult.DUPLICATE, null, null, Map.of()),
                        Map.of());
            }
            return auditHives(plan);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Isolation: whatever one host does, the scan goes on with an ERROR row that says why.
            String why = e instanceof HiveFormatException || e instanceof IOException ? e.getMessage()
                    : "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
            return result(plan, HostRecord.line(plan, plan.nameHint(), HostResult.ERROR, why, null, Map.of()),
                    Map.of());
        }
    }

    /** The ERROR result of a host that passed its time limit. */
    public HostResult timedOut(HostPlan plan, java.time.Duration limit) {
        return error(plan, "timed out: not finished within " + limit.toSeconds() + " s (--timeout-per-host)");
    }

    /** The ERROR result of a host whose audit thread died. */
    public HostResult failed(HostPlan plan, Throwable cause) {
        return error(plan, "internal error (" + cause.getClass().getSimpleName() + "): " + cause.getMessage());
    }

    private HostResult error(HostPlan plan, String why) {
        return result(plan, HostRecord.line(plan, plan.nameHint(), HostResult.ERROR, why, null, Map.of()),
                Map.of()).result();
    }

    private Outcome auditHives(HostPlan plan) throws HiveFormatException, IOException {
        // Closed in reverse order: the hives, then the image they share (if any).
        try (OpenedDisk image = hives.sharedImage(plan.system(), plan.software());
                LoadedHive sys = open(plan.system(), image); LoadedHive soft = open(plan.software(), image)) {
            AuditAccess.Audited a = audits.audit(sys, path(plan.system()), soft, path(plan.software()));
            String overall = a.json().path("overall").asText(HostResult.ERROR);
            String name = nameOf(plan, a.json());
            return result(plan, HostRecord.line(plan, name, overall, null, a.json(), a.fixFiles()),
                    a.fixFiles());
        }
    }

    private LoadedHive open(HiveCandidate c, OpenedDisk image) throws HiveFormatException, IOException {
        return c == null ? null : hives.open(c, image);
    }

    private static String path(HiveCandidate c) {
        return c == null ? null : c.source().toString();
    }

    /** The SYSTEM ComputerName as the audit read it, else the plan's hint. */
    private static String nameOf(HostPlan plan, ObjectNode audit) {
        String computer = audit.path("host").path("computer_name").asText(null);
        return computer != null && !computer.isBlank() ? computer : plan.nameHint();
    }

    private Outcome result(HostPlan plan, ObjectNode line, Map<String, String> fixes) {
        return new Outcome(HostRecord.result(line, audits.stackIds(), audits.ruleIds(), fixes), line);
    }
}
