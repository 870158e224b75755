package org.hivescan.recovery;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;
import org.hivescan.hive.Hive;

/**
 * Opens a hive with its transaction logs replayed when it is dirty (§Dirty state of a hive). The primary and its
 * logs are only ever opened for reading; replay builds an in-memory overlay over the primary's read-only bytes. A
 * log that cannot be used is reported in the {@link RecoveryReport} and skipped, and when nothing can be applied the
 * primary is read as it is. {@link Hives} is the public face of this class.
 */
public final class HiveLoader {
    private HiveLoader() {
    }

    /** Opens a file; its logs are the ones named in the options, or else those beside it. */
    public static LoadedHive open(Path primary, LoadOptions options) throws HiveFormatException {
        HiveBytes bytes = HiveBytes.open(primary);
        List<LogFile> logs = new ArrayList<>();
        for (Path p : options.explicitLogs().isEmpty() ? LogFiles.beside(primary) : options.explicitLogs()) {
            logs.add(LogFile.open(p));
        }
        return load(bytes, logs, options, () -> HiveBytes.open(primary));
    }

    /** Opens a primary read from any source, with the logs the locator finds; takes ownership of the source. */
    public static LoadedHive open(ByteSource primary, LogLocator locator, LoadOptions options)
            throws HiveFormatException {
        HiveBytes bytes = HiveBytes.open(primary);
        List<LogFile> logs = new ArrayList<>();
        try {
            for (ByteSource log : locator.openLogs()) {
                logs.add(LogFile.open(log));
            }
        } catch (IOException e) {
            logs.forEach(HiveLoader::closeQuietly);
            closeQuietly(bytes);
            throw new HiveFormatException(primary.name(), "cannot open its transaction logs: " + e, e);
        }
        return load(bytes, logs, options, null);
    }

    /** Opens the primary's bytes again, after a failed recovered view closed them. */
    @FunctionalInterface
    private interface Reopen {
        HiveBytes open() throws HiveFormatException;
    }

    private static LoadedHive load(HiveBytes bytes, List<LogFile> logs, LoadOptions options, Reopen reopen)
            throws HiveFormatException {
        try {
            BaseBlock base = BaseBlock.read(bytes, 0);
            List<Path> paths = new ArrayList<>();
            logs.forEach(log -> paths.add(log.path()));
            List<String> notes = new ArrayList<>();
            ReplayResult result = null;
            if (!base.isDirty()) {
                if (!logs.isEmpty()) {
                    notes.add("the primary is clean, so its transaction logs are not needed (§Dirty state of a hive)");
                }
            } else if (!options.applyLogs()) {
                notes.add("--no-logs: transaction logs not applied; reading the dirty primary as it is");
            } else if (logs.isEmpty()) {
                notes.add("the primary is dirty but no transaction log was found; reading it as it is");
            } else {
                result = replay(bytes, base, logs, notes);
            }
            return openHive(bytes, base, paths, notes, result, options, reopen);
        } catch (RuntimeException | Error e) {
            if (!bytes.isClosed()) {
                closeQuietly(bytes);
            }
            throw e;
        } finally {
            logs.forEach(HiveLoader::closeQuietly);
        }
    }

    private static ReplayResult replay(HiveBytes bytes, BaseBlock base, List<LogFile> logs, List<String> notes) {
        try {
            ReplayResult result = Replay.run(bytes, base, logs);
            notes.addAll(result.notes());
            return result;
        } catch (HiveFormatException e) {
            notes.add("replay failed, reading the primary as it is: " + e.getMessage());
            return null;
        }
    }

    private static LoadedHive openHive(HiveBytes bytes, BaseBlock base, List<Path> logs, List<String> notes,
            ReplayResult result, LoadOptions options, Reopen reopen) throws HiveFormatException {
        boolean replayed = result != null && result.view() != null;
        if (!replayed) {
            if (base.isDirty() && result != null) {
                notes.add("no transaction log could be applied; reading the dirty primary as it is");
            }
            Hive hive = Hive.open(bytes, options.hive());
            return new LoadedHive(hive, report(base, logs, false, notes, List.of()), bytes);
        }
        try {
            Hive hive = Hive.open(result.view(), options.hive());
            return new LoadedHive(hive, report(base, logs, true, notes, result.applied()), result.view());
        } catch (HiveFormatException e) {
            if (reopen == null) {
                throw e;
            }
            // Hive.open closed the view and with it the primary's bytes: open the primary afresh.
            notes.add("the recovered hive cannot be read (" + e.getMessage() + "); reading the primary as it is");
            HiveBytes again = reopen.open();
            return new LoadedHive(Hive.open(again, options.hive()), report(base, logs, false, notes, List.of()),
                    again);
        }
    }

    private static RecoveryReport report(BaseBlock base, List<Path> logs, boolean applied, List<String> notes,
            List<Path> logsApplied) {
        return new RecoveryReport(base.isDirty(), base.dirtyReasons(), logs, applied, notes, logsApplied);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Read-only inputs: nothing was written, so a failed close loses nothing.
        }
    }
}
