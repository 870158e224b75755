/**
 * Layer 7: the {@code hivescan} command line (picocli). Commands parse arguments, load hives through
 * {@link org.hivescan.recovery.HiveLoader}, and hand rendering to the report layer. Data goes to stdout,
 * diagnostics to stderr; exit codes are in {@link org.hivescan.cli.ExitCodes}.
 */
package org.hivescan.cli;
