package org.hivescan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.bytes.LimitExceededException;
import org.hivescan.format.BaseBlock;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.KeyPath;
import org.hivescan.hive.Value;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;

/** What the hive commands share: loading, resolving a key argument, and reporting diagnostics on stderr. */
final class CommandSupport {
    private CommandSupport() {
    }

    /**
     * Loads a hive file, or a hive inside a disk image when the argument reads IMAGE:/path; a missing, unreadable
     * or folder argument is said in plain words before any parsing.
     */
    static LoadedHive load(Path file, LoadOptions options) throws HiveFormatException {
        Optional<LoadedHive> inImage = ImageHives.loadIfImagePath(file, options);
        if (inImage.isPresent()) {
            return inImage.get();
        }
        requireReadable(file);
        try {
            return HiveLoader.open(file, options);
        } catch (HiveFormatException e) {
            throw explained(file, e);
        }
    }

    /**
     * A file that fails to open as a hive may be a transaction log given by mistake, or a hive cut short: say
     * which (format spec, "Base block": file type, hive bins data size) instead of the first broken offset.
     */
    static HiveFormatException explained(Path file, HiveFormatException e) {
        try (HiveBytes bytes = HiveBytes.open(file)) {
            BaseBlock base = BaseBlock.read(bytes, 0);
            int type = base.fileType();
            if (type == BaseBlock.FILE_TYPE_LOG_OLD || type == BaseBlock.FILE_TYPE_LOG_VERY_OLD
                    || type == BaseBlock.FILE_TYPE_LOG_NEW) {
                return new HiveFormatException(file.toString(), 28, "base block file type", "this is a transaction "
                        + "log, not a hive (file type " + type + "); give the primary file, whose logs are read "
                        + "beside it", e);
            }
            long expected = BaseBlock.SIZE + base.hiveBinsDataSize();
            if (type == BaseBlock.FILE_TYPE_PRIMARY && bytes.length() < expected) {
                return new HiveFormatException(file.toString(), 40, "base block hive bins data size",
                        "the file is truncated: " + bytes.length() + " bytes of " + expected, e);
            }
        } catch (HiveFormatException | java.io.IOException ignored) {
            // Not even a base block: the original problem says it best.
        }
        return e;
    }

    /** Throws a one-line "FILE: no such file" (or folder, permission) error when an input cannot be read. */
    static void requireReadable(Path file) {
        String problem = Messages.unreadable(file);
        if (problem != null) {
            throw new UserError(ExitCodes.UNREADABLE, Escaping.terminal(file.toString()) + ": " + problem);
        }
    }

    /**
     * Resolves a key argument, saying on stderr which control set {@code CurrentControlSet} became; prints a
     * not-found message and returns empty when there is no such key.
     */
    static Optional<Key> resolveKey(Hive hive, String path, PrintWriter err) throws HiveFormatException {
        if (path == null || path.isEmpty()) {
            return Optional.of(hive.root());
        }
        Optional<KeyPath.Resolution> found = KeyPath.resolveTyped(hive, path);
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

    /**
     * After a command that prints data: when values were left out for being larger than --max-value-bytes, says
     * how many on stderr and returns {@link ExitCodes#INCOMPLETE}, so a script cannot take the output as whole.
     * The diagnostics only tell that some were; the count comes from the value headers below {@code start}.
     */
    static int completeness(Hive hive, Key start, boolean subtree, int maxValueBytes, PrintWriter err)
            throws HiveFormatException, IOException {
        boolean someLeftOut = hive.diagnostics().problems().stream()
                .anyMatch(p -> p instanceof LimitExceededException && p.getMessage().contains("data size of value"));
        if (!someLeftOut) {
            return ExitCodes.OK;
        }
        long[] over = new long[1];
        hive.walkFrom(start, new HiveVisitor() {
            @Override
            public boolean key(Key key) {
                return subtree || key == start;
            }

            @Override
            public void value(Key key, Value value) {
                if (Integer.toUnsignedLong(value.dataSize()) > maxValueBytes) {
                    over[0]++;
                }
            }
        });
        err.println("hivescan: " + over[0] + " value(s) larger than --max-value-bytes " + maxValueBytes
                + " were left out; the output is incomplete");
        return ExitCodes.INCOMPLETE;
    }

    /** The mount point for display: the user's --root, else the one the hive's kind implies. */
    static String mountPoint(Hive hive, String rootOption) throws HiveFormatException {
        return rootOption != null ? rootOption : hive.kind().mountPoint();
    }
}
