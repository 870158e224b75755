/**
 * Layer 6b, beside report and below the CLI: the bulk scan. Finds hives by content in folders, zip collection
 * archives and disk images ({@link org.hivescan.scan.Discovery}), groups them into hosts
 * ({@link org.hivescan.scan.HostGrouper}), audits each host in isolation ({@link org.hivescan.scan.HostAuditor})
 * and streams the results to {@code hosts.jsonl}, {@code summary.csv}, {@code report.html} and per-host fix
 * files. Everything a distributed task ships ({@link org.hivescan.scan.SourceRef},
 * {@link org.hivescan.scan.HiveCandidate}, {@link org.hivescan.scan.HostPlan}) is plain and serializable, and
 * every file access goes through {@link org.hivescan.scan.ScanFiles}, so a Spark job can reuse all of it over a
 * Hadoop file system.
 */
package org.hivescan.scan;
