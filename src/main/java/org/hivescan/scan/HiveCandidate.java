package org.hivescan.scan;

import java.io.Serializable;
import java.util.List;

/**
 * One hive found by {@link Discovery}, with what grouping needs.
 *
 * @param source where it lives
 * @param kind SYSTEM, SOFTWARE, OTHER or UNREADABLE, by content
 * @param size its size in bytes
 * @param fingerprint the cheap fingerprint ({@link Fingerprint}): size, base block and a sample of bins
 * @param sha256 the SHA-256 of every byte, when computed (--hash, or a fingerprint collision); else null
 * @param logs its transaction logs found beside it
 * @param folder the grouping folder, in printable form ({@link SourceRef#folder})
 * @param prefix the host prefix of a name like {@code HOST_SYSTEM} or {@code HOST-SOFTWARE.hiv}, else null
 * @param computerName ComputerName of a SYSTEM hive, else null
 * @param problem why the file is UNREADABLE, or why a disk image (OTHER) holds no host; else null
 */
public record HiveCandidate(SourceRef source, ContentKind kind, long size, String fingerprint, String sha256,
        List<SourceRef> logs, String folder, String prefix, String computerName, String problem)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public HiveCandidate {
        logs = List.copyOf(logs);
    }

    /** The same candidate with its SHA-256 recorded. */
    public HiveCandidate withSha256(String hash) {
        return new HiveCandidate(source, kind, size, fingerprint, hash, logs, folder, prefix, computerName, problem);
    }
}
