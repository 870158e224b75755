package org.hivescan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;
import org.hivescan.report.Json;
import org.hivescan.report.ValueText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hivescan cat HIVE KEY [VALUE]}: one value's data, as text, as JSON, or as the exact bytes. */
@Command(name = "cat", description = "Print one value (the default value when VALUE is left out); REG_MULTI_SZ one item per line.")
public final class CatCommand extends HiveCommand implements Callable<Integer> {
    private static final int REG_MULTI_SZ = 7;

    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Parameters(index = "1", paramLabel = "KEY")
    String keyPath;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "Value name; omit or \"\" for the default value.")
    String valueName = "";

    @Option(names = "--raw", description = "Write the exact data bytes to stdout.")
    boolean raw;

    @Option(names = "--json", description = "Print the value as JSON.")
    boolean json;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        if (raw && json) {
            err.println("hivescan: --raw and --json cannot be used together");
            return ExitCodes.USAGE;
        }
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Optional<Key> key = CommandSupport.resolveKey(loaded.hive(), keyPath, err);
            if (key.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            Optional<Value> value = key.get().value(valueName);
            if (value.isEmpty()) {
                err.println("hivescan: value not found: " + Escaping.terminal(valueName.isEmpty() ? "(Default)" : valueName));
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            if (raw) {
                out.flush();
                Main.stdout().write(value.get().data());
                Main.stdout().flush();
            } else if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.value(value.get())));
            } else if (value.get().type() == REG_MULTI_SZ) {
                for (String item : value.get().asMultiString().orElse(List.of())) {
                    out.println(Escaping.terminal(item)); // one item per line, as reg query shows them
                }
            } else {
                out.println(ValueText.of(value.get()));
            }
            CommandSupport.printDiagnostics(loaded.hive(), err);
        }
        return ExitCodes.OK;
    }
}
