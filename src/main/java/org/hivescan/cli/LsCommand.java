package org.hivescan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Filetime;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;
import org.hivescan.report.RegExport;
import org.hivescan.report.ValueText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hivescan ls HIVE [KEY]}: a key's subkeys, then its values with type and data, like {@code reg query}. */
@Command(name = "ls", description = "List a key's subkeys and values (like reg query).")
public final class LsCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KEY", description = "Key path (\\ or /, any case).")
    String keyPath;

    @Option(names = {"-r", "--recursive"}, description = "List every key below too (default: KEY alone).")
    boolean recursive;

    @Option(names = {"-l", "--long"}, description = "Add last-written time, class name and security (SDDL).")
    boolean longFormat;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--root", paramLabel = "PREFIX", description = "Root shown before paths (default from hive kind).")
    String root;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Hive h = loaded.hive();
            Optional<Key> start = CommandSupport.resolveKey(h, keyPath, err);
            if (start.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            String mount = CommandSupport.mountPoint(h, root);
            if (recursive) {
                listSubtree(h, start.get(), mount, out);
            } else if (json) {
                printJson(jsonListing(start.get(), mount), out);
            } else {
                printListing(start.get(), mount, out);
            }
            CommandSupport.printDiagnostics(h, err);
            return CommandSupport.completeness(h, start.get(), recursive, input.maxValueBytes, err);
        }
    }

    /** Every key from {@code start} down, parents first; JSON as one array. */
    private void listSubtree(Hive h, Key start, String mount, PrintWriter out) throws Exception {
        ArrayNode array = Json.MAPPER.createArrayNode();
        h.walkFrom(start, new HiveVisitor() {
            @Override
            public boolean key(Key key) throws HiveFormatException, IOException {
                if (json) {
                    array.add(jsonListing(key, mount));
                } else {
                    printListing(key, mount, out);
                }
                return true;
            }

            @Override
            public boolean wantsValues() {
                return false;
            }
        });
        if (json) {
            printJson(array, out);
        }
    }

    private static void printJson(JsonNode node, PrintWriter out) throws IOException {
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    private ObjectNode jsonListing(Key key, String mount) throws HiveFormatException {
        ObjectNode node = Json.key(key, RegExport.fullPath(mount, key), true);
        ArrayNode subkeys = node.putArray("subkeys");
        for (Key sub : key.subkeys()) {
            subkeys.add(sub.name());
        }
        return node;
    }

    private void printListing(Key key, String mount, PrintWriter out) throws HiveFormatException {
        out.println(Escaping.terminal(RegExport.fullPath(mount, key)));
        if (longFormat) {
            out.println("    last written " + Filetime.format(key.lastWrittenFiletime())
                    + key.className().map(c -> "  class \"" + Escaping.terminal(c) + "\"").orElse("")
                    + (key.isSymbolicLink() ? "  symbolic link" : ""));
            key.securityDescriptor().ifPresent(sddl -> out.println("    security " + Escaping.terminal(sddl)));
        }
        for (Key sub : key.subkeys()) {
            out.println("    " + Escaping.terminal(sub.name()) + "\\"
                    + (longFormat ? "    " + Filetime.format(sub.lastWrittenFiletime()) : ""));
        }
        for (Value v : key.values()) {
            String name = v.name().isEmpty() ? "(Default)" : Escaping.terminal(v.name());
            String data;
            try {
                data = ValueText.of(v);
            } catch (HiveFormatException e) {
                v.hive().diagnostics().report(e);
                data = "<unreadable: " + Escaping.terminal(e.getMessage()) + ">";
            }
            out.println("    " + name + "    " + v.typeName() + "    " + data);
        }
        out.println();
    }
}
