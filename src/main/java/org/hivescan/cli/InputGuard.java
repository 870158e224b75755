package org.hivescan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hivescan.recovery.LogFiles;

/**
 * Keeps every command from writing over evidence: the input hive, a transaction log beside it or named with
 * --log, and also a new file named like one of its logs (SYSTEM.LOG1 beside SYSTEM), which a later run would take
 * for a real log. Links and hard links to an input count as the input.
 */
final class InputGuard {
    private InputGuard() {
    }

    /** True when writing {@code out} would touch or counterfeit evidence of {@code hive}. */
    static boolean isEvidence(Path out, Path hive, List<Path> explicitLogs) throws IOException {
        List<Path> evidence = new ArrayList<>(List.of(hive));
        evidence.addAll(LogFiles.beside(hive));
        evidence.addAll(explicitLogs);
        for (Path e : evidence) {
            if (Files.exists(out) && Files.exists(e) && Files.isSameFile(out, e)) {
                return true;
            }
        }
        Path outDir = out.toAbsolutePath().normalize().getParent();
        Path hiveDir = hive.toAbsolutePath().normalize().getParent();
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String base = hive.getFileName().toString().toLowerCase(Locale.ROOT);
        return outDir != null && outDir.equals(hiveDir)
                && (name.equals(base + ".log") || name.equals(base + ".log1") || name.equals(base + ".log2"));
    }
}
