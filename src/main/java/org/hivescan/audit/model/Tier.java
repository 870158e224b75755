package org.hivescan.audit.model;

import org.hivescan.audit.Severity;

/**
 * One step of a number_compare ladder: the first tier whose comparison holds decides.
 *
 * @param op {@code >=, >, <=, <, ==, !=}
 * @param number the right-hand side (decimal or 0x hex)
 * @param verdict the verdict when it holds
 * @param severity a severity that replaces the rule's for this tier, or null
 * @param message what the finding says
 * @param evidencePaths SOFTWARE keys (both views) whose subkeys record an update that changes this tier's verdict,
 *     or empty
 * @param evidenceVerdict the verdict when such an update is recorded
 */
public record Tier(String op, String number, String verdict, Severity severity, String message,
        java.util.List<String> evidencePaths, String evidenceVerdict) {
    public Tier {
        evidencePaths = evidencePaths == null ? java.util.List.of() : java.util.List.copyOf(evidencePaths);
    }

}
