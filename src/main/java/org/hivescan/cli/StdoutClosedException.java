package org.hivescan.cli;

/**
 * Standard output was closed by its reader ({@code hivescan ... | head}). Not an IOException on purpose:
 * PrintWriter swallows those, and the command would go on walking a hive nobody reads.
 */
final class StdoutClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StdoutClosedException(Throwable cause) {
        super("standard output closed", cause);
    }
}
