package org.hivescan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hivescan.hive.HiveVerifier;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hivescan verify HIVE}: a structural check; exit 0 when clean, 1 with findings. */
@Command(name = "verify", description = "Check a hive's structure; exit 0 when clean, 1 with findings.")
public final class VerifyCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        HiveVerifier.Report report;
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            report = HiveVerifier.verify(loaded.hive());
            loaded.recovery().notes().forEach(n -> err().println("hivescan: recovery: " + Escaping.terminal(n)));
        }
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
        } else {
            printText(report, out);
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.NOT_FOUND_OR_FINDINGS;
    }

    private ObjectNode toJson(HiveVerifier.Report report) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("file", hive.toString());
        o.put("clean", report.clean());
        o.put("keys", report.keys());
        o.put("values", report.values());
        ObjectNode cells = o.putObject("cells");
        cells.put("allocated", report.cells().allocated());
        cells.put("allocated_bytes", report.cells().allocatedBytes());
        cells.put("free", report.cells().free());
        cells.put("free_bytes", report.cells().freeBytes());
        cells.put("referenced", report.cells().referenced());
        cells.put("allocated_unreferenced", report.cells().unreferenced());
        ArrayNode findings = o.putArray("findings");
        for (HiveVerifier.Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("check", f.check());
            n.put("offset", f.fileOffset() < 0 ? null : String.format("0x%X", f.fileOffset()));
            n.put("message", f.message());
        }
        return o;
    }

    private void printText(HiveVerifier.Report report, PrintWriter out) {
        HiveVerifier.CellStats c = report.cells();
        out.printf("%s: %d keys, %d values%n", Escaping.terminal(hive.toString()), report.keys(), report.values());
        out.printf("cells: %d allocated (%d bytes), %d free (%d bytes), %d referenced, %d allocated but unreferenced%n",
                c.allocated(), c.allocatedBytes(), c.free(), c.freeBytes(), c.referenced(), c.unreferenced());
        for (HiveVerifier.Finding f : report.findings()) {
            String at = f.fileOffset() < 0 ? "" : String.format(" at 0x%X", f.fileOffset());
            out.println("[" + f.check() + "]" + at + ": " + Escaping.terminal(f.message()));
        }
        out.println(report.clean() ? "OK: no problems found" : report.findings().size() + " finding(s)");
    }
}
