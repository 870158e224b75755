package org.hivescan.scan;

import java.io.Serializable;
import java.util.List;

/**
 * What {@link HostGrouper} made of the candidates.
 *
 * @param hosts the hosts, in a stable order (by printable source)
 * @param ambiguities one line per folder whose hives were not merged (two SYSTEM hives, two machines)
 * @param skipped hives found but not audited (SAM, NTUSER.DAT, ...) and disk images without Windows, in
 *     printable form
 */
public record Grouping(List<HostPlan> hosts, List<String> ambiguities, List<String> skipped)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Grouping {
        hosts = List.copyOf(hosts);
        ambiguities = List.copyOf(ambiguities);
        skipped = List.copyOf(skipped);
    }
}
