package org.hivescan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.hive.KeyPath;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;

/** What the hive commands share: loading, resolving a key argument, and reporting diagnostics on stderr. */
final class CommandSupport {
    private CommandSupport() {
    }

    /** Loads a hive file, or a hive inside a disk image when the argument reads IMAGE:/path. */
    static LoadedHive load(Path file, LoadOptions options) throws HiveFormatException {
        Optional<LoadedHive> inImage = ImageHives.loadIfImagePath(file, options);
        if (inImage.isPresent()) {
            return inImage.get();
        }
        return HiveLoader.open(file, options);
    }

    /**
     * Resolves a key argument, saying on stderr which control set {@code CurrentControlSet} became; prints a
     * not-found message and returns empty when there is no such key.
     */
    static Optional<Key> resolveKey(Hive hive, String path, PrintWriter err) throws HiveFormatException {
        if (path == null || path.isEmpty()) {
            return Optional.of(hive.root());
        }
        Optional<KeyPath.Resolution> found = hive.resolve(path);
        if (found.isEmpty()) {
            err.println("hivescan: key not found: " + Escaping.terminal(path));
            return Optional.empty();
        }
        if (found.get().controlSet() != null) {
            err.println("hivescan: CurrentControlSet resolved through Select\\Current to "
                    + found.get().controlSet());
        }
        return Optional.of(found.get().key());
    }

    /** Prints the lenient-mode problems of a hive on stderr, one line each. */
    static void printDiagnostics(Hive hive, PrintWriter err) {
        for (String message : hive.diagnostics().messages()) {
            err.println("hivescan: warning: " + Escaping.terminal(message));
        }
    }

    /** The mount point for display: the user's --root, else the one the hive's kind implies. */
    static String mountPoint(Hive hive, String rootOption) throws HiveFormatException {
        return rootOption != null ? rootOption : hive.kind().mountPoint();
    }
}
