package org.hivescan.scan;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a finished scan counted, over every line of {@code hosts.jsonl} (those of an earlier, resumed run too).
 *
 * @param byStatus host count per status
 * @param ambiguities folders whose hives were not merged
 * @param skippedHives hives found but not audited (not SYSTEM or SOFTWARE), and disk images without Windows
 */
public record ScanTotals(Map<String, Long> byStatus, int ambiguities, int skippedHives) {

    public ScanTotals {
        byStatus = new TreeMap<>(byStatus);
    }

    public long count(String status) {
        return byStatus.getOrDefault(status, 0L);
    }

    public long hosts() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** 3 if any host errored; else 1 if any is NOT READY; else 4 if any is UNKNOWN; else 0. */
    public int exitCode() {
        if (count(HostResult.ERROR) > 0) {
            return 3;
        }
        if (count("NOT READY") > 0) {
            return 1;
        }
        return count("UNKNOWN") > 0 ? 4 : 0;
    }
}
