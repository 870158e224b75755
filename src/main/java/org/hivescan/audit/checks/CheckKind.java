package org.hivescan.audit.checks;

import java.util.List;
import org.hivescan.audit.model.CheckSpec;
import org.hivescan.bytes.HiveFormatException;

/** One kind of check: evaluates a rule's check against the hives. */
public interface CheckKind {
    Outcome evaluate(CheckSpec spec, AuditContext ctx) throws HiveFormatException;

    /** The modes this kind accepts (empty: it takes no mode). */
    default List<String> modes() {
        return List.of();
    }
}
