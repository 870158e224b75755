package org.hivescan.report.explore;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Value;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;
import org.hivescan.report.ValueText;

/**
 * Renders a {@link HiveDiff.Result}: one line per difference, marked {@code +} added, {@code -} removed and
 * {@code ~} changed, tab-separated so that it greps and cuts well, then a summary; or one JSON object.
 */
public final class DiffOutput {
    private DiffOutput() {
    }

    public static void text(HiveDiff.Result r, String fileA, String fileB, PrintWriter out) {
        out.println("--- " + Escaping.terminal(fileA));
        out.println("+++ " + Escaping.terminal(fileB));
        r.keysAdded().forEach(k -> out.println("+ key\t" + Escaping.terminal(k)));
        r.keysRemoved().forEach(k -> out.println("- key\t" + Escaping.terminal(k)));
        r.valuesAdded().forEach(v -> out.println("+ value\t" + Escaping.terminal(v.keyPath()) + "\t" + shown(v.value())));
        r.valuesRemoved().forEach(v -> out.println("- value\t" + Escaping.terminal(v.keyPath()) + "\t"
                + shown(v.value())));
        for (HiveDiff.Change c : r.valuesChanged()) {
            out.println("~ value\t" + Escaping.terminal(c.keyPath()) + "\t" + shown(c.before()) + "\t->\t"
                    + typeAndData(c.after()));
        }
        out.println(summary(r));
    }

    /** "identical", or the counts of each kind of difference. */
    public static String summary(HiveDiff.Result r) {
        if (r.identical()) {
            return "identical: no key or value added, removed or changed";
        }
        return r.keysAdded().size() + " key(s) added, " + r.keysRemoved().size() + " removed; "
                + r.valuesAdded().size() + " value(s) added, " + r.valuesRemoved().size() + " removed, "
                + r.valuesChanged().size() + " changed";
    }

    public static ObjectNode json(HiveDiff.Result r, String fileA, String fileB) throws HiveFormatException {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("a", fileA);
        o.put("b", fileB);
        o.put("identical", r.identical());
        ObjectNode counts = o.putObject("summary");
        counts.put("keys_added", r.keysAdded().size());
        counts.put("keys_removed", r.keysRemoved().size());
        counts.put("values_added", r.valuesAdded().size());
        counts.put("values_removed", r.valuesRemoved().size());
        counts.put("values_changed", r.valuesChanged().size());
        o.set("keys_added", Json.strings(r.keysAdded()));
        o.set("keys_removed", Json.strings(r.keysRemoved()));
        o.set("values_added", values(r.valuesAdded()));
        o.set("values_removed", values(r.valuesRemoved()));
        ArrayNode changed = o.putArray("values_changed");
        for (HiveDiff.Change c : r.valuesChanged()) {
            ObjectNode n = changed.addObject();
            n.put("key", c.keyPath());
            n.put("name", c.after().name());
            n.set("before", Json.value(c.before()));
            n.set("after", Json.value(c.after()));
        }
        return o;
    }

    private static ArrayNode values(List<HiveDiff.ValueRef> refs) throws HiveFormatException {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (HiveDiff.ValueRef ref : refs) {
            ObjectNode n = array.addObject();
            n.put("key", ref.keyPath());
            n.setAll(Json.value(ref.value()));
        }
        return array;
    }

    private static String shown(Value v) {
        return (v.name().isEmpty() ? "(Default)" : Escaping.terminal(v.name())) + "\t" + typeAndData(v);
    }

    private static String typeAndData(Value v) {
        try {
            return v.typeName() + "\t" + ValueText.of(v);
        } catch (HiveFormatException e) {
            return v.typeName() + "\t<unreadable: " + Escaping.terminal(e.getMessage()) + ">";
        }
    }
}
