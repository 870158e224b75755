package org.hivescan.report.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.util.List;
import org.hivescan.audit.model.RuleSet;
import org.hivescan.audit.model.RuleSpec;
import org.hivescan.audit.model.StackSpec;
import org.hivescan.report.Escaping;

/** {@code hivescan rules}: the rules in effect, as an 80-column table or as JSON. */
public final class RulesListing {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private RulesListing() {
    }

    public static void text(RuleSet set, PrintWriter out) {
        out.println("Rules " + safe(set.rulesVersion()) + " (rule file schema " + set.schemaVersion() + ", from "
                + safe(set.source()) + ")");
        out.println();
        out.println(String.format("%-6s %-4s %s", "ID", "Sev", "Title / check kind, hives"));
        for (RuleSpec r : set.rules()) {
            String head = String.format("%-6s %-4s ", safe(r.id()), r.severity());
            String indent = " ".repeat(head.length());
            String title = safe(r.title()) + (r.isEnabled() ? "" : " [disabled]") + originNote(set, r);
            Wrap.lines(title, TextAuditReport.WIDTH, head, indent).forEach(out::println);
            String kind = r.check().kind() + (r.check().mode() == null ? "" : "/" + r.check().mode());
            String hives = r.hives().isEmpty() ? "" : ", " + String.join("+", r.hives().stream().map(Enum::name)
                    .toList());
            Wrap.lines(safe(kind + hives) + "; " + stackNote(set, r), TextAuditReport.WIDTH, indent, indent)
                    .forEach(out::println);
        }
        out.println();
        out.println("Stacks (ready when every rule is PASS, WARN or N/A):");
        for (StackSpec s : set.stacks()) {
            String rules = String.join(", ", s.rules()) + (s.prerequisites().isEmpty() ? ""
                    : "; prerequisites " + String.join(", ", s.prerequisites()));
            Wrap.lines(safe(s.title()) + ": " + safe(rules), TextAuditReport.WIDTH, "  ", "    ")
                    .forEach(out::println);
        }
        out.flush();
    }

    /** §9.1: which stacks a rule counts in; one that joins none cannot change the overall verdict. */
    private static String stackNote(RuleSet set, RuleSpec r) {
        List<String> stacks = set.stacksOf(r.id());
        return stacks.isEmpty() ? "joins no stack: cannot change the verdict"
                : "stacks: " + safe(String.join(", ", stacks));
    }

    private static String originNote(RuleSet set, RuleSpec r) {
        String origin = set.origin(r.id());
        return origin.equals("built-in") ? "" : " [" + origin + "]";
    }

    public static void json(RuleSet set, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("rules_version", safe(set.rulesVersion()));
            g.writeNumberField("rules_schema_version", set.schemaVersion());
            g.writeArrayFieldStart("rules");
            for (RuleSpec r : set.rules()) {
                g.writeStartObject();
                g.writeStringField("id", safe(r.id()));
                g.writeStringField("title", safe(r.title()));
                g.writeStringField("severity", r.severity().name());
                g.writeBooleanField("enabled", r.isEnabled());
                g.writeStringField("kind", safe(r.check().kind()));
                g.writeStringField("mode", r.check().mode() == null ? null : safe(r.check().mode()));
                strings(g, "hives", r.hives().stream().map(Enum::name).toList());
                strings(g, "stacks", set.stacksOf(r.id()).stream().map(RulesListing::safe).toList());
                g.writeStringField("section", r.section() == null ? null : safe(r.section()));
                g.writeStringField("reference", set.referenceUrl(r.reference()));
                g.writeStringField("origin", safe(set.origin(r.id())));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static String safe(String s) {
        return s == null ? "" : Escaping.terminal(s);
    }
}
