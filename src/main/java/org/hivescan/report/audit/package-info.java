/**
 * Layer 6 for the audit: renders an {@link org.hivescan.audit.AuditReport} as text (80 columns, colour only when
 * asked), JSON (the stable schema of docs/audit-json-schema.md, {@code schema_version} 1) and Markdown, lists rule
 * sets, and writes the planned registry changes as .reg files for the live host or for the offline hives.
 * Every string that may come from a hive passes through {@link org.hivescan.report.Escaping} for its target.
 */
package org.hivescan.report.audit;
