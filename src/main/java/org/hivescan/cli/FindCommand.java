package org.hivescan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Json;
import org.hivescan.report.explore.HiveSearch;
import org.hivescan.report.explore.SearchOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hivescan find HIVE PATTERN}: key names, value names and data that contain PATTERN. */
@Command(name = "find", description = {"Search key names, value names and value data (strings decoded, numbers in "
        + "decimal and hex, REG_BINARY as hex) for PATTERN, case-insensitively.",
    "Exit status: 0 found, 1 nothing found."})
public final class FindCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Parameters(index = "1", paramLabel = "PATTERN", description = "Text to look for (a regular expression "
            + "with --regex).")
    String pattern;

    @Option(names = "--keys", description = "Search key names.")
    boolean keys;

    @Option(names = "--values", description = "Search value names.")
    boolean values;

    @Option(names = "--data", description = "Search value data. (Default, with none of the three: search all.)")
    boolean data;

    @Option(names = {"-E", "--regex"}, description = "PATTERN is a regular expression (Java syntax).")
    boolean regex;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY", description = "Search below this key only.")
    String under;

    @Option(names = "--json", description = "Print a JSON array of hits.")
    boolean json;

    @Option(names = "--root", paramLabel = "PREFIX", description = "Root shown before paths (default from hive kind).")
    String root;

    @Override
    public Integer call() throws Exception {
        HiveSearch search = search();
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Hive h = loaded.hive();
            Optional<Key> start = CommandSupport.resolveKey(h, under, err());
            if (start.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            String mount = CommandSupport.mountPoint(h, root);
            long hits = json ? searchJson(search, h, start.get(), mount) : searchText(search, h, start.get(), mount);
            CommandSupport.printDiagnostics(h, err());
            int complete = CommandSupport.completeness(h, start.get(), true, input.maxValueBytes, err());
            return complete != ExitCodes.OK ? complete : hits > 0 ? ExitCodes.OK : ExitCodes.NOT_FOUND_OR_FINDINGS;
        }
    }

    private HiveSearch search() {
        Set<HiveSearch.Scope> scopes = EnumSet.noneOf(HiveSearch.Scope.class);
        if (keys) {
            scopes.add(HiveSearch.Scope.KEYS);
        }
        if (values) {
            scopes.add(HiveSearch.Scope.VALUES);
        }
        if (data) {
            scopes.add(HiveSearch.Scope.DATA);
        }
        try {
            return HiveSearch.of(pattern, regex, scopes);
        } catch (PatternSyntaxException e) {
            throw new UserError(ExitCodes.USAGE, "PATTERN: not a valid regular expression: "
                    + Messages.oneLine(e.getDescription()) + " near index " + e.getIndex());
        }
    }

    private long searchText(HiveSearch search, Hive h, Key start, String mount) throws Exception {
        PrintWriter out = out();
        return search.run(h, start, mount, hit -> SearchOutput.text(hit, out));
    }

    private long searchJson(HiveSearch search, Hive h, Key start, String mount) throws Exception {
        out().flush();
        OutputStream raw = Outputs.open(null, false);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(raw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            long hits = search.run(h, start, mount, hit -> SearchOutput.json(hit, g));
            g.writeEndArray();
            g.writeRaw('\n');
            return hits;
        }
    }
}
