package org.hivescan.report.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hivescan.audit.AuditReport;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.HostFacts;
import org.hivescan.audit.RegChange;
import org.hivescan.audit.RegData;
import org.hivescan.report.Escaping;

/**
 * Writes the planned changes as a "Windows Registry Editor Version 5.00" file: only what the host needs, each
 * value in its own section under a comment naming the rules that need it (a comment line ends a section for
 * hivexregedit, so comments never sit between values).
 *
 * <p>{@link Target#LIVE} is for regedit on the running host: SYSTEM keys under CurrentControlSet. {@link
 * Target#OFFLINE} is for the hive files: the control set in use (ControlSet00N), one file per hive ({@link
 * #writeHive}), each mergeable as it is with {@code hivexregedit --merge --prefix 'HKEY_LOCAL_MACHINE\<HIVE>'}, and
 * the keys the hive lacks created first, since hivexregedit does not create missing parents.
 *
 * <p>The file is ASCII with CRLF line ends. No hive text reaches a key or value line: names come from the rules,
 * list entries from the cipher check's name filter; comments are escaped and never end in a backslash (which
 * would continue onto the next line).
 */
public final class RegFixWriter {
    /** The start of each per-hive section in an offline file. */
    public static final String SECTION_MARK = "; ==== hive ";
    private static final String EOL = "\r\n";
    private static final int HEX_LINE = 76;

    /** Where the file is meant to be merged. */
    public enum Target { LIVE, OFFLINE }

    private final AuditReport report;
    private final Target target;
    private final Writer out;
    /** The one hive an offline file is for, or null for a file holding every hive. */
    private final HiveRole only;

    private RegFixWriter(AuditReport report, Target target, Writer out, HiveRole only) {
        this.report = report;
        this.target = target;
        this.out = out;
        this.only = only;
    }

    /** The live fix, or an offline file with one section per hive (kept for readers of the JSON changes). */
    public static void write(AuditReport report, Target target, Writer out) throws IOException {
        new RegFixWriter(report, target, out, null).write();
        out.flush();
    }

    /**
     * The offline fix for one hive file: mergeable as it is with {@link #mergeCommand}. A hive without changes
     * gets a file holding only comments, so "nothing to change" is visible rather than a missing file.
     */
    public static void writeHive(AuditReport report, HiveRole role, Writer out) throws IOException {
        new RegFixWriter(report, Target.OFFLINE, out, role).write();
        out.flush();
    }

    /** The command that merges {@code role}'s offline file into a copy of its hive. */
    public static String mergeCommand(HiveRole role) {
        return "hivexregedit --merge --prefix '" + role.mountPoint() + "' " + role.name() + " " + role.name()
                + ".reg";
    }

    private void write() throws IOException {
        line("Windows Registry Editor Version 5.00");
        line("");
        header();
        List<RegChange> changes = report.changes().stream().filter(c -> only == null || c.hive() == only).toList();
        for (HiveRole role : HiveRole.values()) {
            List<RegChange> mine = changes.stream().filter(c -> c.hive() == role).toList();
            if (!mine.isEmpty()) {
                hiveSection(role, mine);
            }
        }
        if (changes.isEmpty() && only != null) {
            comment("Nothing to change in " + only.name() + " on this host.");
        } else if (changes.isEmpty()) {
            comment("Nothing to change: no rule needs a registry change on this host.");
        }
    }

    private void header() throws IOException {
        HostFacts h = report.host();
        comment("hivescan audit fix, rules " + report.rulesVersion() + ", variant "
                + (report.tls12Only() ? "tls12-only (strict: legacy protocols disabled)"
                        : "article (enable TLS 1.2, keep older protocols)"));
        comment("host: " + nz(h.computerName()) + ", " + nz(h.windowsName()) + ", build " + nz(h.buildText()));
        comment("audit result: " + report.overall().label() + "; registry fix alone "
                + (report.fixableByRegistry() ? "suffices" : "does not suffice") + " to make it READY");
        for (String b : report.fixBlockers()) {
            comment("  needs more than the registry: " + b);
        }
        if (target == Target.LIVE) {
            comment("For the running host (regedit /s). Restart the services or reboot afterwards (REGSET).");
        } else if (only != null) {
            comment("For the offline " + only.name() + " hive file; merge it into a copy with");
            comment("  " + mergeCommand(only));
        } else {
            comment("For the offline hive files. Merge each section into its own hive, e.g.");
            comment("  " + mergeCommand(HiveRole.SYSTEM));
            comment("Each section starts with a line beginning '" + SECTION_MARK.trim() + "'.");
        }
        line("");
    }

    private void hiveSection(HiveRole role, List<RegChange> changes) throws IOException {
        String cs = report.host().controlSet();
        if (target == Target.OFFLINE && only != null) {
            comment(role.name() + (role == HiveRole.SYSTEM ? " (control set in use: " + cs + ")" : ""));
            line("");
            createMissingKeys(role, changes);
        } else if (target == Target.OFFLINE) {
            line(SECTION_MARK + role.name() + (role == HiveRole.SYSTEM ? " (control set in use: " + cs + ")" : "")
                    + " ====");
            line("");
            createMissingKeys(role, changes);
        } else {
            comment("---- " + role.name() + " ----");
            line("");
        }
        for (RegChange c : changes) {
            comment(String.join(", ", c.ruleIds()) + ": " + c.why());
            line("[" + keyName(role, c.path()) + "]");
            line(valueLine(c));
            line("");
        }
    }

    /** hivexregedit refuses a key whose parent is missing: create the missing ones top down (offline only). */
    private void createMissingKeys(HiveRole role, List<RegChange> changes) throws IOException {
        Set<String> done = new LinkedHashSet<>();
        for (RegChange c : changes) {
            for (String k : c.missingKeys()) {
                if (done.add(k.toLowerCase(Locale.ROOT))) {
                    comment(String.join(", ", c.ruleIds()) + ": create missing key");
                    line("[" + keyName(role, k) + "]");
                    line("");
                }
            }
        }
    }

    private String keyName(HiveRole role, String path) {
        String p = path;
        if (role == HiveRole.SYSTEM && target == Target.OFFLINE && startsWithCcs(p)) {
            p = report.host().controlSet() + p.substring("CurrentControlSet".length());
        }
        return role.mountPoint() + "\\" + p;
    }

    private static boolean startsWithCcs(String path) {
        return path.regionMatches(true, 0, "CurrentControlSet", 0, "CurrentControlSet".length());
    }

    static String valueLine(RegChange c) {
        String name = "\"" + quote(c.valueName()) + "\"=";
        RegData d = c.data();
        if (d instanceof RegData.Dword dw) {
            return name + String.format("dword:%08x", dw.value());
        }
        if (d instanceof RegData.Text t) {
            return name + "\"" + quote(t.value()) + "\"";
        }
        if (d instanceof RegData.MultiText m) {
            return name + hex7(name.length(), m.values());
        }
        return name + "-";
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** REG_MULTI_SZ as regedit writes it: hex(7) UTF-16LE bytes, wrapped with trailing backslashes. */
    private static String hex7(int indent, List<String> values) {
        List<String> bytes = new ArrayList<>();
        for (String v : values) {
            for (char ch : (v + "\0").toCharArray()) {
                bytes.add(String.format("%02x", ch & 0xFF));
                bytes.add(String.format("%02x", ch >> 8));
            }
        }
        bytes.add("00");
        bytes.add("00");
        StringBuilder sb = new StringBuilder("hex(7):");
        int col = indent + sb.length();
        for (int i = 0; i < bytes.size(); i++) {
            String piece = bytes.get(i) + (i + 1 < bytes.size() ? "," : "");
            if (col + piece.length() > HEX_LINE && i + 1 < bytes.size()) {
                sb.append("\\").append(EOL).append("  ");
                col = 2;
            }
            sb.append(piece);
            col += piece.length();
        }
        return sb.toString();
    }

    private void comment(String text) throws IOException {
        line("; " + commentSafe(text));
    }

    /** ASCII, no control characters, and no trailing backslash (it would swallow the next line). */
    static String commentSafe(String text) {
        String s = Escaping.terminal(text);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u00a7') {
                sb.append("sec. ");
            } else if (c == '\u26a0') {
                sb.append("(!)");
            } else {
                sb.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
        }
        String out = sb.toString().stripTrailing();
        return out.endsWith("\\") ? out + "." : out;
    }

    private void line(String s) throws IOException {
        out.write(s);
        out.write(EOL);
    }

    private static String nz(String s) {
        return s == null ? "unknown" : s;
    }
}
