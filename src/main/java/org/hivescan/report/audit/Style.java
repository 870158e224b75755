package org.hivescan.report.audit;

import org.hivescan.audit.Readiness;
import org.hivescan.audit.Verdict;

/** ANSI colours for the text report, or none at all. */
final class Style {
    private static final String RESET = "\u001b[0m";
    private final boolean color;

    Style(boolean color) {
        this.color = color;
    }

    String verdict(Verdict v, String text) {
        return paint(switch (v) {
            case PASS -> "32";
            case FAIL -> "1;31";
            case WARN -> "33";
            case UNKNOWN -> "35";
            case NA -> "2";
        }, text);
    }

    String readiness(Readiness r, String text) {
        return paint(switch (r) {
            case READY -> "1;32";
            case NOT_READY -> "1;31";
            case UNKNOWN -> "1;35";
        }, text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
