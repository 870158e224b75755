/**
 * Layer 5: the TLS 1.2 / Microsoft 365 readiness audit (issue 4). The rules are data: a versioned YAML file inside
 * the jar ({@code rules.yaml}, built from shared/docs/tls-rules.md), optionally merged with a site file, is
 * interpreted by {@link org.hivescan.audit.Auditor} through a small set of check kinds
 * ({@link org.hivescan.audit.checks}). The audit reads hives only through the hive layer, records every value it
 * consulted as {@link org.hivescan.audit.Evidence}, and plans the registry changes a fix needs as
 * {@link org.hivescan.audit.RegChange}s; rendering them is the report layer's job.
 */
package org.hivescan.audit;
