package org.hivescan.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.recovery.LoadedHive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmarks' workloads (bench/): a full walk that reads every key and every value's data and decodes the
 * strings, as the C reference walker does; and, with {@code --lookups N}, N path lookups of random existing keys.
 */
@Command(name = "walk", hidden = true, description = "Read every key and value; print counts (benchmark).")
public final class WalkCommand extends HiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Option(names = "--lookups", paramLabel = "N", description = "Also time N lookups of random existing paths.")
    int lookups;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for choosing the lookup paths.")
    long seed;

    @Option(names = "--stats", description = "Print time and peak heap on stderr.")
    boolean stats;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        long start = System.nanoTime();
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Hive h = loaded.hive();
            List<String> sample = new ArrayList<>();
            long[] counts = walk(h, sample);
            out.printf("keys %d values %d data_bytes %d%n", counts[0], counts[1], counts[2]);
            long walked = System.nanoTime();
            if (lookups > 0) {
                timeLookups(h, sample, out);
            }
            if (stats) {
                err().printf("walk %.3f s, peak heap %.1f MiB%n", (walked - start) / 1e9,
                        peakHeapBytes() / 1048576.0);
            }
            CommandSupport.printDiagnostics(h, err());
        }
        return ExitCodes.OK;
    }

    /** Walks everything; keeps a uniform sample of key paths (reservoir sampling) for the lookup benchmark. */
    private long[] walk(Hive h, List<String> sample) throws Exception {
        long[] counts = new long[3];
        Random random = new Random(seed);
        h.walk(new HiveVisitor() {
            @Override
            public boolean key(Key key) {
                counts[0]++;
                if (lookups > 0) {
                    if (sample.size() < lookups) {
                        sample.add(key.path());
                    } else {
                        long slot = (long) (random.nextDouble() * counts[0]);
                        if (slot < lookups) {
                            sample.set((int) slot, key.path());
                        }
                    }
                }
                return true;
            }

            @Override
            public void value(Key key, Value value) throws HiveFormatException {
                counts[1]++;
                byte[] data = value.data();
                counts[2] += data.length;
                switch (value.type()) {
                    case 1, 2, 6 -> counts[2] += Value.stringUpToNul(data).length();
                    case 7 -> counts[2] += Value.splitMulti(data).size();
                    default -> { }
                }
            }
        });
        return counts;
    }

    private static void timeLookups(Hive h, List<String> paths, PrintWriter out) throws HiveFormatException {
        long found = 0;
        long t0 = System.nanoTime();
        for (String path : paths) {
            if (h.key(path).isPresent()) {
                found++;
            }
        }
        long t1 = System.nanoTime();
        out.printf("lookups %d found %d total %.3f ms mean %.1f us%n", paths.size(), found, (t1 - t0) / 1e6,
                (t1 - t0) / 1e3 / Math.max(1, paths.size()));
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
