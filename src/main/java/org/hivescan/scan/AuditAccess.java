package org.hivescan.scan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hivescan.audit.AuditInput;
import org.hivescan.audit.AuditReport;
import org.hivescan.audit.Auditor;
import org.hivescan.audit.Readiness;
import org.hivescan.audit.model.RuleSet;
import org.hivescan.audit.model.RuleSetLoader;
import org.hivescan.audit.model.StackSpec;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Json;
import org.hivescan.report.audit.JsonAuditReport;
import org.hivescan.report.audit.RegFixWriter;

/**
 * The one place the scan calls the audit, so changes to its API stay here. Everything past this class reads the
 * audit through its JSON document ({@code docs/audit-json-schema.md}), the same form {@code hosts.jsonl} carries
 * and the HTML report is built from.
 */
final class AuditAccess {
    private final Auditor auditor;
    private final RuleSet rules;

    /** The audit's result for one host: its JSON document and its per-hive offline fix files. */
    record Audited(ObjectNode json, Map<String, String> fixFiles) {
    }

    AuditAccess(Path siteRules) {
        this.rules = RuleSetLoader.load(siteRules);
        this.auditor = new Auditor(rules);
    }

    /** The rule ids in report order, for the CSV columns. */
    List<String> ruleIds() {
        return rules.enabledRules().stream().map(r -> r.id()).toList();
    }

    /** The stack ids in report order, for the CSV columns. */
    List<String> stackIds() {
        return rules.stacks().stream().map(StackSpec::id).toList();
    }

    Audited audit(LoadedHive system, String systemPath, LoadedHive software, String softwarePath)
            throws HiveFormatException, IOException {
        AuditReport report = auditor.audit(new AuditInput(input(systemPath, system), input(softwarePath, software),
                null, false));
        // Straight from the writer's tokens to a tree: the same document `audit --format json` prints, without
        // printing and parsing it for each of thousands of hosts.
        ObjectNode tree;
        try (TokenBuffer tokens = new TokenBuffer(Json.MAPPER, false)) {
            JsonAuditReport.write(report, tokens);
            tree = (ObjectNode) Json.MAPPER.readTree(tokens.asParser(Json.MAPPER));
        }
        return new Audited(tree, fixFiles(report));
    }

    private static AuditInput.InputHive input(String path, LoadedHive h) {
        return h == null ? null : new AuditInput.InputHive(path, h.hive(), h.recovery());
    }

    /**
     * The offline fix split into one file per hive ({@code SYSTEM.reg}, {@code SOFTWARE.reg}), each with the
     * common header, for hosts that registry changes alone make READY.
     */
    private static Map<String, String> fixFiles(AuditReport report) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (report.overall() == Readiness.READY || !report.fixableByRegistry() || report.changes().isEmpty()) {
            return out;
        }
        StringWriter w = new StringWriter();
        RegFixWriter.write(report, RegFixWriter.Target.OFFLINE, w);
        String text = w.toString();
        int first = text.indexOf(RegFixWriter.SECTION_MARK);
        if (first < 0) {
            return out;
        }
        String header = text.substring(0, first);
        int at = first;
        while (at >= 0) {
            int next = text.indexOf(RegFixWriter.SECTION_MARK, at + 1);
            String section = next < 0 ? text.substring(at) : text.substring(at, next);
            String hive = section.substring(RegFixWriter.SECTION_MARK.length()).split("[ \\r\\n]", 2)[0];
            out.put(hive + ".reg", header + section);
            at = next;
        }
        return out;
    }
}
