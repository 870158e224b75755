package org.hivescan.audit.checks;

import java.util.Locale;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.model.Numbers;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Key;

/**
 * Evidence of an installed update in the SOFTWARE hive: a Component Based Servicing package whose name starts with
 * {@code Package_for_KBnnnnnnn~} and whose {@code CurrentState} is 0x70 (§1d: where KB information is stored;
 * 0x70 = installed is a community convention, ⚠ not documented by Microsoft).
 */
final class UpdateEvidence {
    static final String CBS_PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";

    private UpdateEvidence() {
    }

    /** The finding for the first installed package with the prefix, or null when there is none. */
    static String cbsPackage(AuditContext ctx, String packagesPath, String prefix, long installed)
            throws HiveFormatException {
        String path = packagesPath == null ? CBS_PACKAGES : packagesPath;
        Key packages = ctx.registry().key(HiveRole.SOFTWARE, path).orElse(null);
        ctx.keyExists(HiveRole.SOFTWARE, path);
        if (packages == null || prefix == null) {
            return null;
        }
        String wanted = prefix.toLowerCase(Locale.ROOT);
        for (Key p : packages.subkeys()) {
            if (!p.name().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                continue;
            }
            Reading state = ctx.read(HiveRole.SOFTWARE, path + "\\" + p.name(), "CurrentState");
            Long s = state.dword().orElse(null);
            if (s != null && s == installed) {
                return p.name() + " has CurrentState " + Numbers.hex(s) + " (installed; ⚠ community convention)";
            }
        }
        return null;
    }
}
