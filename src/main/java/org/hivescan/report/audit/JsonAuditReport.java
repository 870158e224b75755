package org.hivescan.report.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hivescan.audit.AuditReport;
import org.hivescan.audit.Evidence;
import org.hivescan.audit.HiveInfo;
import org.hivescan.audit.HostFacts;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.audit.RuleResult;
import org.hivescan.audit.StackResult;
import org.hivescan.audit.Verdict;
import org.hivescan.report.Escaping;

/**
 * The audit as JSON, schema_version 1 (docs/audit-json-schema.md). Field names and meanings are stable within a
 * schema version; new fields may be added, nothing is renamed or removed without a new version. Strings are made
 * terminal-safe, since hive text in a JSON report is often printed by the tool that reads it, and everything
 * outside ASCII is written as a JSON unicode escape, as in every JSON output of hivescan (SECURITY.md).
 */
public final class JsonAuditReport {
    /** Bump when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private JsonAuditReport() {
    }

    public static void write(AuditReport r, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(r, g);
        }
        out.write('\n');
        out.flush();
    }

    /**
     * Writes the document to any generator, which stays open: a bulk scan writes it into a token buffer and
     * reads it back as a tree, with no text in between.
     */
    public static void write(AuditReport r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schema_version", SCHEMA_VERSION);
        g.writeStringField("generator", "hivescan audit");
        g.writeStringField("rules_version", r.rulesVersion());
        g.writeNumberField("rules_schema_version", r.ruleSchemaVersion());
        g.writeBooleanField("rules_customized", r.rulesCustomized());
        g.writeStringField("overall", r.overall().label());
        writeStacks(g, r.stacks());
        g.writeBooleanField("fixable_by_registry", r.fixableByRegistry());
        writeStrings(g, "fix_blockers", r.fixBlockers());
        g.writeStringField("fix_variant", r.tls12Only() ? "tls12-only" : "article");
        writeHost(g, r.host());
        writeHives(g, r.hives());
        writeSummary(g, r.rules());
        g.writeArrayFieldStart("rules");
        for (RuleResult rule : r.rules()) {
            writeRule(g, rule);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStacks(JsonGenerator g, List<StackResult> stacks) throws IOException {
        g.writeObjectFieldStart("stacks");
        for (StackResult s : stacks) {
            g.writeFieldName(s.id());
            writeBool(g, s.ready());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("stack_details");
        for (StackResult s : stacks) {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("title", s.title());
            g.writeFieldName("ready");
            writeBool(g, s.ready());
            g.writeStringField("state", s.readiness().label());
            writeStrings(g, "rules", s.rules());
            writeStrings(g, "prerequisites", s.prerequisites());
            writeStrings(g, "failing", s.failing());
            writeStrings(g, "unknown", s.unknown());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeHost(JsonGenerator g, HostFacts h) throws IOException {
        g.writeObjectFieldStart("host");
        str(g, "computer_name", h.computerName());
        str(g, "windows", h.windowsName());
        str(g, "product_name", h.productName());
        num(g, "build", h.build() == null ? null : h.build().longValue());
        num(g, "ubr", h.ubr());
        str(g, "build_text", h.buildText());
        str(g, "build_source", h.buildSource());
        str(g, "display_version", h.displayVersion());
        str(g, "edition_id", h.editionId());
        str(g, "installation_type", h.installationType());
        str(g, "csd_version", h.csdVersion());
        str(g, "architecture", h.architecture());
        str(g, "architecture_source", h.architectureSource());
        str(g, "control_set", h.controlSet());
        g.writeObjectFieldStart("dotnet");
        num(g, "release", h.dotnetRelease());
        str(g, "version", h.dotnetVersion());
        g.writeFieldName("net35_installed");
        writeBool(g, h.dotnet35());
        g.writeEndObject();
        writeStrings(g, "notes", h.notes());
        g.writeEndObject();
    }

    private static void writeHives(JsonGenerator g, List<HiveInfo> hives) throws IOException {
        g.writeArrayFieldStart("hives");
        for (HiveInfo h : hives) {
            g.writeStartObject();
            g.writeStringField("role", h.role().name());
            g.writeBooleanField("given", h.given());
            str(g, "path", h.path());
            g.writeBooleanField("dirty", h.dirty());
            g.writeNumberField("logs_found", h.logsFound());
            g.writeBooleanField("logs_applied", h.logsApplied());
            writeStrings(g, "notes", h.notes());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSummary(JsonGenerator g, List<RuleResult> rules) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.label(), 0);
        }
        rules.forEach(r -> counts.merge(r.verdict().label(), 1, Integer::sum));
        g.writeObjectFieldStart("summary");
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeRule(JsonGenerator g, RuleResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        str(g, "title", r.title());
        g.writeStringField("severity", r.severity().name());
        g.writeStringField("verdict", r.verdict().label());
        str(g, "finding", r.finding());
        str(g, "remedy", r.remedy());
        str(g, "reference", r.reference());
        str(g, "section", r.section());
        str(g, "origin", r.origin());
        g.writeBooleanField("fixable_by_registry", r.fixableByRegistry());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : r.evidence()) {
            writeEvidence(g, e);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("changes");
        for (RegChange c : r.changes()) {
            writeChange(g, c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("hive", e.hive().name());
        str(g, "key", e.key());
        str(g, "value", e.value());
        g.writeBooleanField("key_exists", e.keyExists());
        g.writeBooleanField("found", e.found());
        str(g, "type", e.type());
        str(g, "data", e.data());
        str(g, "assumed", e.assumed());
        str(g, "reason", e.reason());
        g.writeEndObject();
    }

    private static void writeChange(JsonGenerator g, RegChange c) throws IOException {
        g.writeStartObject();
        writeStrings(g, "rules", c.ruleIds());
        g.writeStringField("hive", c.hive().name());
        str(g, "key", c.path());
        str(g, "value", c.valueName());
        RegData d = c.data();
        g.writeStringField("action", d instanceof RegData.Delete ? "delete" : "set");
        if (d instanceof RegData.Dword dw) {
            g.writeStringField("type", "REG_DWORD");
            g.writeNumberField("data", dw.value());
        } else if (d instanceof RegData.Text t) {
            g.writeStringField("type", "REG_SZ");
            str(g, "data", t.value());
        } else if (d instanceof RegData.MultiText m) {
            g.writeStringField("type", "REG_MULTI_SZ");
            writeStrings(g, "data", m.values());
        }
        str(g, "why", c.why());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(Escaping.terminal(v));
        }
        g.writeEndArray();
    }

    private static void str(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, Escaping.terminal(value));
        }
    }

    private static void num(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void writeBool(JsonGenerator g, Boolean b) throws IOException {
        if (b == null) {
            g.writeNull();
        } else {
            g.writeBoolean(b);
        }
    }
}
