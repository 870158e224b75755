package org.hivescan.audit;

/** The overall answer of an audit. */
public enum Readiness {
    READY("READY"), NOT_READY("NOT READY"), UNKNOWN("UNKNOWN");

    private final String label;

    Readiness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A stack's tri-state (true, false, null for unknown) as a readiness. */
    public static Readiness of(Boolean ready) {
        return ready == null ? UNKNOWN : ready ? READY : NOT_READY;
    }
}
