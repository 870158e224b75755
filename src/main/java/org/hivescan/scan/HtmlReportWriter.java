package org.hivescan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;

/**
 * Writes {@code report.html} from {@code hosts.jsonl} lines, one at a time: one self-contained file (inline CSS,
 * SVG and script, a Content-Security-Policy that forbids every fetch) that opens from disk. It shows the totals by
 * verdict, a chart of verdicts by Windows version, a sortable and filterable host table whose rows open to the
 * rule results, evidence and fix files, and an errors section. Every string that may come from a hive passes
 * {@link Escaping#html}, so markup in a key name is shown, never run.
 *
 * <p>Memory stays bounded: host rows and errors are streamed to two spool files beside the report and joined at
 * {@link #close}; only the counts per Windows version and verdict are held.
 */
public final class HtmlReportWriter implements Closeable {
    static final List<String> STATUSES = List.of("READY", "NOT READY", "UNKNOWN", "ERROR", "DUPLICATE");
    private static final int MAX_CHART_GROUPS = 40;

    private final Path target;
    private final Path rowsSpool;
    private final Path errorsSpool;
    private final Writer rows;
    private final Writer errors;
    private final String title;
    private final Map<String, long[]> byWindows = new TreeMap<>();
    private final long[] totals = new long[STATUSES.size()];
    private long hosts;

    public HtmlReportWriter(Path target, String title) throws IOException {
        this.target = target;
        this.title = title;
        this.rowsSpool = target.resolveSibling(target.getFileName() + ".rows.part");
        this.errorsSpool = target.resolveSibling(target.getFileName() + ".errors.part");
        this.rows = Files.newBufferedWriter(rowsSpool, StandardCharsets.UTF_8);
        this.errors = Files.newBufferedWriter(errorsSpool, StandardCharsets.UTF_8);
    }

    /** Adds one host from its {@code hosts.jsonl} line. */
    public void add(String jsonLine) throws IOException {
        add(Json.MAPPER.readTree(jsonLine));
    }

    public void add(JsonNode line) throws IOException {
        add(fragment(line));
    }

    /**
     * What one host adds to the report, made from its line alone: so it can be built on the thread (or the
     * machine) that audited the host, and only joined here.
     *
     * @param status the host's status
     * @param windows the chart group (the Windows version, or why there is none)
     * @param row the host's table body
     * @param errorItem its entry in the errors section, or null
     */
    public record Fragment(String status, String windows, String row, String errorItem)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    public static Fragment fragment(JsonNode line) {
        String status = line.path("status").asText("ERROR");
        String windows = line.path("audit").path("host").path("windows").asText("");
        if (windows.isEmpty()) {
            windows = status.equals("ERROR") ? "(unreadable)" : status.equals("DUPLICATE") ? "(duplicate)"
                    : "(unknown version)";
        }
        return new Fragment(status, windows, hostRow(line, status),
                status.equals("ERROR") ? errorItem(line) : null);
    }

    public void add(Fragment f) throws IOException {
        int s = Math.max(0, STATUSES.indexOf(f.status()));
        totals[s]++;
        hosts++;
        String windows = f.windows();
        if (!byWindows.containsKey(windows) && byWindows.size() >= MAX_CHART_GROUPS) {
            windows = "(other versions)";
        }
        byWindows.computeIfAbsent(windows, k -> new long[STATUSES.size()])[s]++;
        rows.write(f.row());
        if (f.errorItem() != null) {
            errors.write(f.errorItem());
        }
    }

    private static String hostRow(JsonNode line, String status) {
        JsonNode audit = line.path("audit");
        JsonNode host = audit.path("host");
        String name = line.path("name").asText("");
        StringBuilder b = new StringBuilder(4096);
        b.append("<tbody class=\"host\" data-status=\"").append(h(status)).append("\">\n<tr class=\"summary\">")
                .append("<td><button type=\"button\" class=\"toggle\" aria-expanded=\"false\">")
                .append(h(name.isEmpty() ? "(no name)" : name)).append("</button></td>")
                .append(td(status, "v " + cls(status)))
                .append(td(host.path("windows").asText(""), null))
                .append(td(host.path("build_text").asText(""), null))
                .append(td(host.path("architecture").asText(""), null))
                .append(td(stacks(audit), null))
                .append(td(line.path("sources").path("folder").asText(""), "src"))
                .append("</tr>\n<tr class=\"detail\" hidden><td colspan=\"7\">");
        detail(b, line, audit);
        b.append("</td></tr>\n</tbody>\n");
        return b.toString();
    }

    private static String stacks(JsonNode audit) {
        List<String> parts = new ArrayList<>();
        audit.path("stacks").properties().forEach(e -> parts.add(e.getKey() + ": "
                + (e.getValue().isBoolean() ? (e.getValue().asBoolean() ? "ready" : "NOT ready") : "unknown")));
        return String.join(", ", parts);
    }

    private static void detail(StringBuilder b, JsonNode line, JsonNode audit) {
        b.append("<p class=\"ids\">host id ").append(h(line.path("host_id").asText()));
        if (!line.path("duplicate_of").isNull()) {
            b.append(", duplicate of ").append(h(line.path("duplicate_of").asText()));
        }
        b.append("</p>");
        if (!line.path("error").isNull()) {
            b.append("<p class=\"err\">").append(h(line.path("error").asText())).append("</p>");
        }
        for (String role : List.of("system", "software")) {
            JsonNode src = line.path("sources").path(role);
            if (src.isObject()) {
                b.append("<p class=\"src\">").append(role.toUpperCase(java.util.Locale.ROOT)).append(": ")
                        .append(h(src.path("path").asText())).append("</p>");
            }
        }
        for (JsonNode n : line.path("notes")) {
            b.append("<p class=\"note\">").append(h(n.asText())).append("</p>");
        }
        if (audit.isObject()) {
            rules(b, audit);
        }
        line.path("fixes").path("files").properties().forEach(f -> b.append("<h4>")
                .append(h(line.path("fixes").path("folder").asText() + "/" + f.getKey())).append("</h4><pre>")
                .append(h(f.getValue().asText())).append("</pre>"));
    }

    private static void rules(StringBuilder b, JsonNode audit) {
        b.append("<table class=\"rules\"><thead><tr><th>rule</th><th>verdict</th><th>severity</th>"
                + "<th>finding</th><th>evidence</th></tr></thead><tbody>");
        for (JsonNode r : audit.path("rules")) {
            String verdict = r.path("verdict").asText();
            b.append("<tr>").append(td(r.path("id").asText(), null)).append(td(verdict, "v " + cls(verdict)))
                    .append(td(r.path("severity").asText(), null)).append(td(r.path("finding").asText(), null))
                    .append("<td><ul>");
            for (JsonNode e : r.path("evidence")) {
                b.append("<li>").append(h(evidence(e))).append("</li>");
            }
            b.append("</ul></td></tr>");
        }
        b.append("</tbody></table>");
    }

    private static String evidence(JsonNode e) {
        String value = e.path("value").isNull() ? "" : " \\ " + e.path("value").asText();
        String found = e.path("found").asBoolean() ? " = " + e.path("type").asText() + " " + e.path("data").asText()
                : e.path("key_exists").asBoolean() || e.path("value").isNull() ? " (absent)" : " (key absent)";
        String assumed = e.path("assumed").isNull() ? "" : "; assumed " + e.path("assumed").asText();
        return e.path("key").asText() + value + found + assumed;
    }

    private static String errorItem(JsonNode line) {
        return "<li><b>" + h(line.path("name").asText("(no name)")) + "</b> "
                + h(line.path("sources").path("system").path("path").asText(
                        line.path("sources").path("software").path("path").asText("")))
                + ": " + h(line.path("error").asText("")) + "</li>\n";
    }

    private static String td(String text, String cssClass) {
        return (cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">") + h(text) + "</td>";
    }

    private static String cls(String verdict) {
        return switch (verdict) {
            case "READY", "PASS" -> "ok";
            case "NOT READY", "FAIL", "ERROR" -> "bad";
            case "WARN" -> "warn";
            default -> "unk";
        };
    }

    private static String h(String s) {
        return Escaping.html(s == null ? "" : s);
    }

    @Override
    public void close() throws IOException {
        rows.close();
        errors.close();
        try (OutputStream file = Files.newOutputStream(target);
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8))) {
            head(out);
            totals(out);
            out.write(ScanChart.svg(byWindows, STATUSES));
            tableStart(out);
            copy(rowsSpool, out, file);
            out.write("</table>\n</section>\n<section id=\"errors\"><h2>Errors</h2>\n");
            out.write(totals[STATUSES.indexOf("ERROR")] == 0 ? "<p id=\"no-errors\">No host failed.</p>\n"
                    : "<ul id=\"error-list\">\n");
            copy(errorsSpool, out, file);
            out.write(totals[STATUSES.indexOf("ERROR")] == 0 ? "" : "</ul>\n");
            out.write("</section>\n<script>\n" + script() + "</script>\n</body>\n</html>\n");
        } finally {
            Files.deleteIfExists(rowsSpool);
            Files.deleteIfExists(errorsSpool);
        }
    }

    /** Appends a spool (UTF-8, as {@code out} writes) byte for byte: no decoding and encoding of megabytes. */
    private static void copy(Path spool, Writer out, OutputStream file) throws IOException {
        out.flush();
        Files.copy(spool, file);
    }

    private void head(Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + h(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>" + h(title)
                + "</h1>\n");
    }

    private void totals(Writer out) throws IOException {
        StringBuilder b = new StringBuilder("<section id=\"totals\"><h2>Totals</h2><table class=\"totals\"><tr>"
                + "<th>hosts</th>");
        STATUSES.forEach(s -> b.append("<th>").append(h(s)).append("</th>"));
        b.append("</tr><tr><td id=\"total-hosts\">").append(hosts).append("</td>");
        for (int i = 0; i < STATUSES.size(); i++) {
            b.append("<td class=\"v ").append(cls(STATUSES.get(i))).append("\" data-status=\"")
                    .append(h(STATUSES.get(i))).append("\">").append(totals[i]).append("</td>");
        }
        out.write(b.append("</tr></table></section>\n").toString());
    }

    private static void tableStart(Writer out) throws IOException {
        StringBuilder b = new StringBuilder("<section id=\"hosts\"><h2>Hosts</h2>\n<p class=\"controls\">"
                + "<label>Filter <input id=\"filter\" type=\"search\" placeholder=\"name, OS, folder...\"></label> "
                + "<label>Verdict <select id=\"status-filter\"><option value=\"\">all</option>");
        STATUSES.forEach(s -> b.append("<option>").append(h(s)).append("</option>"));
        b.append("</select></label> <span id=\"shown\"></span></p>\n<table id=\"host-table\"><thead><tr>");
        String[] cols = {"name", "verdict", "Windows", "build", "arch", "stacks", "folder"};
        for (int i = 0; i < cols.length; i++) {
            b.append("<th><button type=\"button\" class=\"sort\" data-col=\"").append(i).append("\">")
                    .append(cols[i]).append("</button></th>");
        }
        out.write(b.append("</tr></thead>\n").toString());
    }

    private static final String STYLE = String.join("\n",
            "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}",
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;"
                    + "vertical-align:top}",
            "#host-table{width:100%}.sort,.toggle{font:inherit;border:0;background:none;cursor:pointer;padding:0;"
                    + "text-align:left}.toggle{color:#0645ad;text-decoration:underline}",
            ".ok{background:#d8f0d8}.bad{background:#f6d0d0}.warn{background:#fbeec0}.unk{background:#e4e4ee}",
            ".src,.ids,.note{color:#555;font-size:12px;word-break:break-all}.err{color:#a00}",
            "pre{background:#f4f4f4;padding:6px;overflow:auto;max-height:24em}",
            "table.rules{margin:4px 0;font-size:12px}ul{margin:0;padding-left:1.2em}",
            "svg text{font:12px sans-serif}");

    private static String script() {
        return String.join("\n",
                "(function(){'use strict';",
                "var table=document.getElementById('host-table');",
                "var bodies=function(){return Array.prototype.slice.call(table.tBodies);};",
                "var filter=document.getElementById('filter');",
                "var status=document.getElementById('status-filter');",
                "var shown=document.getElementById('shown');",
                "function apply(){var q=filter.value.toLowerCase(),s=status.value,n=0;",
                " bodies().forEach(function(b){var row=b.rows[0];",
                "  var ok=(!s||b.getAttribute('data-status')===s)&&(!q||row.textContent.toLowerCase().indexOf(q)>=0);",
                "  b.hidden=!ok;if(ok){n++;}});",
                " shown.textContent=n+' of '+table.tBodies.length+' hosts shown';}",
                "filter.addEventListener('input',apply);status.addEventListener('change',apply);",
                "var dir={};",
                "Array.prototype.forEach.call(table.querySelectorAll('button.sort'),function(btn){",
                " btn.addEventListener('click',function(){var c=+btn.getAttribute('data-col');dir[c]=-(dir[c]||-1);",
                "  var list=bodies();list.sort(function(a,b){",
                "   var x=a.rows[0].cells[c].textContent,y=b.rows[0].cells[c].textContent;",
                "   return dir[c]*x.localeCompare(y,undefined,{numeric:true,sensitivity:'base'});});",
                "  list.forEach(function(b){table.appendChild(b);});});});",
                "table.addEventListener('click',function(e){var t=e.target.closest('button.toggle');if(!t){return;}",
                " var d=t.closest('tbody').rows[1];d.hidden=!d.hidden;",
                " t.setAttribute('aria-expanded',String(!d.hidden));});",
                "apply();})();",
                "");
    }
}
