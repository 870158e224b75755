package org.hivescan.cli;

/**
 * A problem the user can fix (a missing file, a refused output, a bad option value), carried to the top with
 * its exit code and a one-line message in the user's words. Main prints it as {@code hivescan: MESSAGE}.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
