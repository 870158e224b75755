package org.hivescan.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;

/**
 * One {@code hosts.jsonl} line (schema in {@code docs/scan-jsonl-schema.md}) and everything derived from it: the
 * CSV row and the per-rule rows. Deriving them from the line, not from Java objects, is what lets a resumed scan
 * and the Spark driver rebuild the CSV and the HTML report from the lines alone.
 */
public final class HostRecord {
    /** Bump when a field of the line changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    private HostRecord() {
    }

    static ObjectNode line(HostPlan plan, String name, String status, String error, ObjectNode audit,
            Map<String, String> fixes) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("scan_schema_version", SCHEMA_VERSION);
        o.put("host_id", plan.hostId());
        o.put("name", name == null ? null : Escaping.terminal(name));
        o.put("status", status);
        o.put("error", error == null ? null : Escaping.terminal(error));
        o.put("duplicate_of", plan.duplicateOf());
        ArrayNode notes = o.putArray("notes");
        plan.notes().forEach(n -> notes.add(Escaping.terminal(n)));
        ObjectNode sources = o.putObject("sources");
        HiveCandidate any = plan.system() != null ? plan.system() : plan.software();
        sources.put("folder", any == null ? null : Escaping.terminal(any.folder()));
        sources.set("system", source(plan.system()));
        sources.set("software", source(plan.software()));
        ObjectNode fix = o.putObject("fixes");
        fix.put("folder", fixes.isEmpty() ? null : FixFilesWriter.folderOf(name, plan.hostId()));
        ObjectNode files = fix.putObject("files");
        fixes.forEach(files::put);
        o.set("audit", audit);
        return o;
    }

    private static JsonNode source(HiveCandidate c) {
        if (c == null) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode s = Json.MAPPER.createObjectNode();
        SourceRef r = c.source();
        s.put("path", Escaping.terminal(r.toString()));
        s.put("type", r.type().name().toLowerCase(java.util.Locale.ROOT));
        s.put("container", Escaping.terminal(r.container()));
        s.put("member", r.member() == null ? null : Escaping.terminal(r.member()));
        if (r.partition() >= 0) {
            s.put("partition", r.partition());
        } else {
            s.putNull("partition");
        }
        s.put("kind", c.kind().name());
        s.put("size", c.size());
        s.put("fingerprint", c.fingerprint());
        s.put("sha256", c.sha256());
        ArrayNode logs = s.putArray("logs");
        c.logs().forEach(l -> logs.add(Escaping.terminal(l.toString())));
        return s;
    }

    static HostResult result(ObjectNode line, List<String> stacks, List<String> rules, Map<String, String> fixes) {
        String text;
        try {
            // The mapper escapes every non-ASCII character, so the bytes are ASCII: the byte writer, then one
            // copy into a Latin-1 string, is the cheapest way to a 40 KB line.
            text = new String(Json.MAPPER.writeValueAsBytes(line), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new HostResult(line.path("host_id").asText(), line.path("name").asText(null),
                line.path("status").asText(), text, csvRow(line, stacks, rules), ruleRows(line), fixes, -1);
    }

    /** The CSV header: host, OS facts, verdict, one column per stack and per rule, then duplicate, error, sources. */
    public static List<String> csvHeader(List<String> stacks, List<String> rules) {
        List<String> h = new ArrayList<>(List.of("host_id", "name", "os", "build", "architecture", "verdict"));
        h.addAll(stacks);
        h.addAll(rules);
        h.addAll(List.of("duplicate_of", "error", "system_source", "software_source"));
        return h;
    }

    /** The CSV cells of one line, in {@link #csvHeader} order; absent facts are empty cells. */
    public static List<String> csvRow(JsonNode line, List<String> stacks, List<String> rules) {
        JsonNode audit = line.path("audit");
        JsonNode host = audit.path("host");
        List<String> row = new ArrayList<>();
        row.add(text(line.path("host_id")));
        row.add(text(line.path("name")));
        row.add(text(host.path("windows")));
        row.add(text(host.path("build_text")));
        row.add(text(host.path("architecture")));
        row.add(text(line.path("status")));
        for (String s : stacks) {
            JsonNode v = audit.path("stacks").path(s);
            row.add(v.isBoolean() ? (v.asBoolean() ? "READY" : "NOT READY") : audit.isObject() ? "UNKNOWN" : "");
        }
        for (String r : rules) {
            row.add(verdictOf(audit, r));
        }
        row.add(text(line.path("duplicate_of")));
        row.add(text(line.path("error")));
        row.add(text(line.path("sources").path("system").path("path")));
        row.add(text(line.path("sources").path("software").path("path")));
        return row;
    }

    private static String verdictOf(JsonNode audit, String ruleId) {
        for (JsonNode r : audit.path("rules")) {
            if (ruleId.equals(r.path("id").asText())) {
                return r.path("verdict").asText("");
            }
        }
        return "";
    }

    /** One row per rule of the line's audit (none for ERROR and DUPLICATE lines). */
    public static List<RuleRow> ruleRows(JsonNode line) {
        JsonNode audit = line.path("audit");
        String host = line.path("host_id").asText();
        String build = audit.path("host").path("build_text").asText(null);
        List<RuleRow> out = new ArrayList<>();
        for (JsonNode r : audit.path("rules")) {
            String id = r.path("id").asText();
            List<String> stacks = new ArrayList<>();
            for (JsonNode s : audit.path("stack_details")) {
                for (JsonNode member : s.path("rules")) {
                    if (id.equals(member.asText())) {
                        stacks.add(s.path("id").asText());
                    }
                }
            }
            List<String> evidence = new ArrayList<>();
            for (JsonNode e : r.path("evidence")) {
                String value = e.path("value").isNull() ? "" : "\\" + e.path("value").asText();
                evidence.add(e.path("key").asText() + value);
            }
            out.add(new RuleRow(host, build, stacks, id, r.path("verdict").asText(), r.path("severity").asText(),
                    evidence));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "" : n.asText();
    }
}
