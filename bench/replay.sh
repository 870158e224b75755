#!/bin/sh
# Benchmark: what transaction-log replay costs on the largest dirty hive of the corpus (issue 3, acceptance 5).
#
# Compares, on the same hive, loading it with its logs replayed (the default) against loading the primary as it
# is (--no-logs), both for the open alone and for open + a full walk reading every value's data, and the extra
# heap held while the hive is open. Replay builds an in-memory overlay of the pages the logs replace, so the extra
# heap should track the logged pages, not the hive size.
#
# Usage: bench/replay.sh [HIVE] [ITERATIONS]
#   HIVE        default: $SHARED/corpus/mkorman90_regipy/regipy_tests/data/SYSTEM_B (12.8 MB, LOG1 + LOG2)
#   ITERATIONS  default: 15 (the median is reported)
# Environment: SHARED (default ../shared next to the project), JAVA (default java), HIVESCAN_BUILD=0 to skip the
# compile step when target/classes is already up to date.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
HIVE=${1:-$SHARED/corpus/mkorman90_regipy/regipy_tests/data/SYSTEM_B}
ITERATIONS=${2:-15}
JAVA=${JAVA:-java}

if [ "${HIVESCAN_BUILD:-1}" != 0 ]; then
  (cd "$ROOT" && { mvn -B -q -o compile >/dev/null 2>&1 || mvn -B -q compile; })
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/ReplayBench.java" <<'JAVA'
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hivescan.bytes.OverlayBytes;
import org.hivescan.hive.HiveOptions;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;

public class ReplayBench {
    static final LoadOptions CLEAN = new LoadOptions(HiveOptions.lenient(), false, List.of());
    static final LoadOptions REPLAY = LoadOptions.defaults();

    public static void main(String[] args) throws Exception {
        Path hive = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < 3; i++) { // warm-up
            time(hive, CLEAN, true);
            time(hive, REPLAY, true);
        }
        try (LoadedHive h = HiveLoader.open(hive, REPLAY)) {
            System.out.printf("hive: %s (%d bytes)%n", hive, java.nio.file.Files.size(hive));
            h.recovery().notes().forEach(s -> System.out.println("  " + s));
            if (h.bytes() instanceof OverlayBytes o) {
                System.out.printf("replayed pages held in memory: %d x 512 B = %.1f KiB%n", o.replacedPageCount(),
                        o.replacedPageCount() / 2.0);
            }
        }
        report("open only", hive, n, false);
        report("open + full walk", hive, n, true);
        long clean = heldHeap(hive, CLEAN);
        long replay = heldHeap(hive, REPLAY);
        System.out.printf("heap held while open: --no-logs %.1f KiB, replayed %.1f KiB, extra %.1f KiB%n",
                clean / 1024.0, replay / 1024.0, (replay - clean) / 1024.0);
    }

    static void report(String what, Path hive, int n, boolean walk) throws Exception {
        double[] clean = new double[n];
        double[] replay = new double[n];
        for (int i = 0; i < n; i++) {
            clean[i] = time(hive, CLEAN, walk);
            replay[i] = time(hive, REPLAY, walk);
        }
        double c = median(clean);
        double r = median(replay);
        System.out.printf("%-17s median of %d: --no-logs %.2f ms, replayed %.2f ms, replay cost %.2f ms (x%.2f)%n",
                what + ":", n, c, r, r - c, r / c);
    }

    static double time(Path hive, LoadOptions options, boolean walk) throws Exception {
        long t0 = System.nanoTime();
        try (LoadedHive h = HiveLoader.open(hive, options)) {
            if (walk) {
                h.hive().walk(new HiveVisitor() {
                    public boolean key(Key key) {
                        return true;
                    }

                    public void value(Key key, Value value) {
                        try {
                            value.data();
                        } catch (Exception e) {
                            // counted as read; damaged values do not matter for timing
                        }
                    }
                });
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Heap in use while the hive is open, after GC, minus the heap in use with nothing open. */
    static long heldHeap(Path hive, LoadOptions options) throws Exception {
        long before = usedAfterGc();
        try (LoadedHive h = HiveLoader.open(hive, options)) {
            long during = usedAfterGc();
            h.hive().root(); // keep it reachable until measured
            return during - before;
        }
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
JAVA
"$JAVA" -Xms512m -Xmx512m -XX:+UseSerialGC -cp "$ROOT/target/classes" "$WORK/ReplayBench.java" "$HIVE" "$ITERATIONS"
