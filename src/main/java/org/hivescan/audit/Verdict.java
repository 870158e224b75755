package org.hivescan.audit;

import java.util.Locale;

/** A rule's verdict. The order is the order of badness used when several readings are combined. */
public enum Verdict {
    NA("N/A"), PASS("PASS"), WARN("WARN"), UNKNOWN("UNKNOWN"), FAIL("FAIL");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The worse of two verdicts: FAIL over UNKNOWN over WARN over PASS over N/A. */
    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether this verdict leaves a stack ready (§8 Aggregation: a warning does not break a stack). */
    public boolean isOk() {
        return this == PASS || this == WARN || this == NA;
    }

    /** Parses "PASS", "n/a", "NA", ... as written in rule files. */
    public static Verdict parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("N/A") || t.equals("NA")) {
            return NA;
        }
        return valueOf(t);
    }
}
