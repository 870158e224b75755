/**
 * The check kinds that interpret rules.yaml. Generic kinds ({@link org.hivescan.audit.checks.ValueCheck},
 * {@link org.hivescan.audit.checks.CompositeCheck}) let a site write its own policy without Java; the TLS kinds
 * ({@link org.hivescan.audit.checks.SchannelCheck}, {@link org.hivescan.audit.checks.WinHttpCheck},
 * {@link org.hivescan.audit.checks.CipherCheck}, {@link org.hivescan.audit.checks.OsCheck}) implement the
 * algorithms of tls-rules.md (§2c effective state, §1 WinHTTP protocol set, §4e cipher overlap) over the tables
 * of the rule file. Every kind reads through {@link org.hivescan.audit.checks.AuditContext}, which records the
 * evidence, and returns an {@link org.hivescan.audit.checks.Outcome}.
 */
package org.hivescan.audit.checks;
