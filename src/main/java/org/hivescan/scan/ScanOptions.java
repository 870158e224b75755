package org.hivescan.scan;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a scan.
 *
 * @param out the output folder
 * @param jobs hosts audited at once (and files examined at once during discovery)
 * @param resume continue from the {@code hosts.jsonl} already in {@code out}
 * @param force replace outputs already in {@code out}
 * @param hashAll record the SHA-256 of every hive
 * @param timeoutPerHost the most one host may take; past it the host is an ERROR row
 * @param siteRules extra or overriding audit rules, or null
 */
public record ScanOptions(Path out, int jobs, boolean resume, boolean force, boolean hashAll,
        Duration timeoutPerHost, Path siteRules) {

    public ScanOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
    }
}
