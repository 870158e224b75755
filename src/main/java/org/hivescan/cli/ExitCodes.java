package org.hivescan.cli;

/** The exit codes every command shares. */
public final class ExitCodes {
    /** Success; for audit, the host is READY. */
    public static final int OK = 0;
    /** A key or value was not found, verify found problems, or the audited host is NOT READY. */
    public static final int NOT_FOUND_OR_FINDINGS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input is unreadable, not a hive, or corrupt beyond reading. */
    public static final int UNREADABLE = 3;
    /** The audit could not decide (some facts are unknown). */
    public static final int UNKNOWN = 4;
    /**
     * The output is incomplete: values larger than --max-value-bytes were left out (the command says how many).
     */
    public static final int INCOMPLETE = 5;
    /** The reader of standard output went away (a pipe into head); like a process ended by SIGPIPE (128 + 13). */
    public static final int OUTPUT_CLOSED = 141;
    /** An unexpected exception: a bug in hivescan (EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
