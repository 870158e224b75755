package org.hivescan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.recovery.LoadedHive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Reads every key and every value's data and prints the counts: the full-walk benchmark's workload (bench/),
 * also handy as a quick "can everything be read" check.
 */
@Command(name = "walk", hidden = true, description = "Read every key and value; print counts (benchmark).")
public final class WalkCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Mixin
    HiveInputOptions input;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long[] counts = new long[3];
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            loaded.hive().walk(new HiveVisitor() {
                @Override
                public boolean key(Key key) {
                    counts[0]++;
                    return true;
                }

                @Override
                public void value(Key key, Value value) throws HiveFormatException {
                    counts[1]++;
                    byte[] data = value.data();
                    counts[2] += data.length;
                    // Decode strings too, as the C reference walker (hivex_walk.c) does.
                    switch (value.type()) {
                        case 1, 2, 6 -> counts[2] += Value.stringUpToNul(data).length();
                        case 7 -> counts[2] += Value.splitMulti(data).size();
                        default -> { }
                    }
                }
            });
            spec.commandLine().getOut().printf("keys %d values %d data_bytes %d%n", counts[0], counts[1], counts[2]);
            CommandSupport.printDiagnostics(loaded.hive(), spec.commandLine().getErr());
        }
        return ExitCodes.OK;
    }
}
