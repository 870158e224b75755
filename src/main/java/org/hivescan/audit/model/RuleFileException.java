package org.hivescan.audit.model;

/** A rule file that cannot be read or does not make sense; the message names the file and the problem. */
public final class RuleFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleFileException(String message) {
        super(message);
    }

    public RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
