package org.hivescan.spark;

import java.util.Map;
import java.util.TreeMap;
import org.hivescan.scan.HostResult;

/** Hosts by status and bytes read, gathered on the driver as the results stream past. */
final class ScanTotals {
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private int hosts;
    private long auditBytes;
    private long maxHostBytes;

    void add(HostResult r) {
        hosts++;
        byStatus.merge(r.status(), 1, Integer::sum);
        if (r.bytesRead() > 0) {
            auditBytes += r.bytesRead();
            maxHostBytes = Math.max(maxHostBytes, r.bytesRead());
        }
    }

    int hosts() {
        return hosts;
    }

    int count(String status) {
        return byStatus.getOrDefault(status, 0);
    }

    long auditBytes() {
        return auditBytes;
    }

    long maxHostBytes() {
        return maxHostBytes;
    }

    /** The scan's exit code, by precedence: 3 any ERROR, 1 any NOT READY, 4 any UNKNOWN, else 0. */
    int exitCode() {
        if (count(HostResult.ERROR) > 0) {
            return 3;
        }
        if (count("NOT READY") > 0) {
            return 1;
        }
        return count("UNKNOWN") > 0 ? 4 : 0;
    }

    String describe() {
        return hosts + " host(s) " + byStatus;
    }
}
