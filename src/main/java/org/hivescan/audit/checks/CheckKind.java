package org.hivescan.audit.checks;

import java.util.List;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.bytes.HiveFormatException;

/** One kind of check: evaluates a rule's check against the hives. */
public interface CheckKind {
    Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException;

    /**
     * An N/A outcome when the facts already known (build, architecture) put the check out of scope, whichever hive
     * is missing; null otherwise. A rule that cannot apply is N/A, not UNKNOWN, even without its hive.
     */
    default Outcome notApplicable(CheckSpec spec, AuditContext ctx) {
        return null;
    }

    /** The modes this kind accepts (empty: it takes no mode). */
    default List<String> modes() {
        return List.of();
    }
}
