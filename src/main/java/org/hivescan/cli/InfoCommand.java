package org.hivescan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;
import org.hivescan.hive.Filetime;
import org.hivescan.hive.HiveHeader;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.RecoveryReport;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hivescan info HIVE...}: the header facts, counts, dirty state and transaction logs of each hive. */
@Command(name = "info", description = "Show version, sequence numbers, dirty state, size, counts and logs.")
public final class InfoCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "HIVE")
    List<Path> hives;

    @Option(names = "--json", description = "Print JSON (one object per hive, in an array).")
    boolean json;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        ArrayNode all = Json.MAPPER.createArrayNode();
        int exit = ExitCodes.OK;
        for (Path file : hives) {
            try (LoadedHive loaded = CommandSupport.load(file, input.loadOptions())) {
                ObjectNode facts = facts(file, loaded);
                if (json) {
                    all.add(facts);
                } else {
                    printText(facts, out);
                }
                CommandSupport.printDiagnostics(loaded.hive(), err);
            } catch (HiveFormatException | UserError e) {
                if (hives.size() == 1) {
                    throw e;
                }
                err.println("hivescan: " + Messages.oneLine(e.getMessage()));
                exit = ExitCodes.UNREADABLE;
            }
        }
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    hives.size() == 1 && all.size() == 1 ? all.get(0) : all));
        }
        return exit;
    }

    private static ObjectNode facts(Path file, LoadedHive loaded) throws Exception {
        Hive hive = loaded.hive();
        HiveHeader base = hive.header();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("file", file.toString());
        o.put("kind", hive.kind().name());
        o.put("version", base.version());
        // The file's own numbers, which the dirty reason speaks of; replay brings them level in memory.
        ImageHives.StoredPrimary stored = ImageHives.storedPrimary(file);
        BaseBlock onDisk = stored.baseBlock();
        o.put("primary_sequence", Integer.toUnsignedLong(onDisk.primarySequence()));
        o.put("secondary_sequence", Integer.toUnsignedLong(onDisk.secondarySequence()));
        RecoveryReport recovery = loaded.recovery();
        if (recovery.applied()) {
            o.put("sequence_after_replay", base.primarySequence());
        }
        o.put("dirty", recovery.dirty());
        o.set("dirty_reasons", Json.strings(recovery.dirtyReasons()));
        o.put("checksum_ok", base.checksumValid());
        o.put("checksum", String.format("0x%08X", base.storedChecksum()));
        o.put("last_written", Filetime.format(base.lastWritten()));
        o.put("stored_file_name", base.storedFileName());
        long size = stored.size();
        o.put("file_size", size);
        o.put("hive_bins_data_size", base.hiveBinsDataSize());
        long expected = HiveHeader.BASE_BLOCK_SIZE + base.hiveBinsDataSize();
        if (size < expected) {
            o.put("truncated", "the file is truncated: " + size + " bytes of " + expected);
        }
        o.put("bin_count", base.binCount());
        o.put("root_name", hive.root().name());
        long[] counts = count(hive);
        o.put("key_count", counts[0]);
        o.put("value_count", counts[1]);
        List<String> logs = new ArrayList<>();
        recovery.logsFound().forEach(p -> logs.add(p.toString()));
        o.set("logs", Json.strings(logs));
        o.put("logs_applied", recovery.applied());
        o.set("recovery_notes", Json.strings(recovery.notes()));
        o.set("problems", Json.strings(hive.diagnostics().messages()));
        o.put("problem_count", hive.diagnostics().problems().size() + hive.diagnostics().dropped());
        return o;
    }

    private static long[] count(Hive hive) throws Exception {
        long[] counts = new long[2];
        hive.walk(new HiveVisitor() {
            @Override
            public boolean key(Key key) throws HiveFormatException {
                counts[0]++;
                counts[1] += key.values().size();
                return true;
            }

            @Override
            public boolean wantsValues() {
                return false;
            }
        });
        return counts;
    }

    private static void printText(ObjectNode o, PrintWriter out) {
        row(out, "File", o.get("file").asText());
        row(out, "Kind", o.get("kind").asText());
        row(out, "Version", o.get("version").asText());
        boolean equal = o.get("primary_sequence").equals(o.get("secondary_sequence"));
        row(out, "Sequence numbers", o.get("primary_sequence").asText() + " / " + o.get("secondary_sequence").asText()
                + (equal ? " (equal)" : " (differ)") + (o.has("sequence_after_replay")
                ? "; " + o.get("sequence_after_replay").asText() + " after log replay" : ""));
        String reasons = String.join("; ", texts(o.get("dirty_reasons")));
        row(out, "Dirty", o.get("dirty").asBoolean() ? "yes: " + reasons : "no");
        row(out, "Checksum", (o.get("checksum_ok").asBoolean() ? "OK " : "WRONG ") + o.get("checksum").asText());
        row(out, "Last written", o.get("last_written").asText());
        row(out, "Stored file name", o.get("stored_file_name").asText());
        row(out, "File size", o.get("file_size").asText() + " bytes");
        row(out, "Hive bins data", o.get("hive_bins_data_size").asText() + " bytes in " + o.get("bin_count").asText()
                + " bins");
        if (o.has("truncated")) {
            row(out, "Truncated", o.get("truncated").asText());
        }
        row(out, "Root key", o.get("root_name").asText());
        row(out, "Keys", o.get("key_count").asText());
        row(out, "Values", o.get("value_count").asText());
        List<String> logs = texts(o.get("logs"));
        row(out, "Logs beside", logs.isEmpty() ? "none" : String.join(", ", logs));
        row(out, "Logs applied", o.get("logs_applied").asBoolean() ? "yes" : "no");
        for (String note : texts(o.get("recovery_notes"))) {
            row(out, "Recovery", note);
        }
        long problems = o.get("problem_count").asLong();
        long listed = texts(o.get("problems")).stream().filter(p -> !p.endsWith("further problem(s) not listed"))
                .count();
        row(out, "Problems", problems == 0 ? "none" : problems + (listed == problems ? " (listed on stderr)"
                : " (the first " + listed + " listed on stderr)"));
        out.println();
    }

    private static List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-18s %s%n", label + ":", Escaping.terminal(value));
    }
}
