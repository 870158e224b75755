package org.hivescan.scan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One host to audit: its SYSTEM and SOFTWARE hives (either may be missing: a partial host), a name hint, and
 * what grouping noticed. The id is derived from the sources alone, so a retried or resumed task gives the same id.
 *
 * @param hostId stable id: a hash of the printable sources
 * @param nameHint the SYSTEM ComputerName, else the folder name
 * @param system the SYSTEM hive, or null
 * @param software the SOFTWARE hive, or null
 * @param duplicateOf the host id this one duplicates (same hives, confirmed by SHA-256), else null
 * @param notes what grouping noticed (an ambiguous folder, a hive without partner)
 * @param error why the host cannot be audited at all (an unreadable file, a broken image), else null
 */
public record HostPlan(String hostId, String nameHint, HiveCandidate system, HiveCandidate software,
        String duplicateOf, List<String> notes, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    public HostPlan {
        notes = List.copyOf(notes);
    }

    /** Every source of the host (hives then their logs), in a fixed order. */
    public List<SourceRef> sources() {
        List<SourceRef> out = new ArrayList<>();
        for (HiveCandidate c : new HiveCandidate[] {system, software}) {
            if (c != null) {
                out.add(c.source());
            }
        }
        return out;
    }

    public HostPlan withDuplicateOf(String original) {
        return new HostPlan(hostId, nameHint, system, software, original, notes, error);
    }
}
