package org.hivescan.recovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.FileByteSource;

/**
 * Finds the transaction logs of one primary hive, wherever the primary lives: a folder, a disk image, a zip file.
 * The logs are opened only when the primary is dirty and replay is wanted; the caller ({@link Hives}) closes them.
 */
@FunctionalInterface
public interface LogLocator {
    /** The suffixes of a primary's logs in the order they are tried (§Multiple transaction log files). */
    List<String> SUFFIXES = List.of(".LOG", ".LOG1", ".LOG2");

    /** Opens the primary's logs, {@code .LOG} first, then {@code .LOG1} and {@code .LOG2}; empty when none. */
    List<ByteSource> openLogs() throws IOException;

    /** No logs: the primary is read as it is. */
    static LogLocator none() {
        return List::of;
    }

    /** The logs beside a file in its folder, names compared case-insensitively as Windows does. */
    static LogLocator beside(Path primary) {
        return () -> {
            List<ByteSource> out = new ArrayList<>();
            for (Path log : LogFiles.beside(primary)) {
                out.add(FileByteSource.open(log));
            }
            return out;
        };
    }

    /**
     * The logs found by name beside the primary in any container: {@code siblings} opens the entry with the given
     * file name in the primary's folder, matching case-insensitively (Windows names {@code ntuser.dat.LOG1} for
     * {@code NTUSER.DAT}), or answers empty.
     */
    static LogLocator siblings(String primaryFileName, Siblings siblings) {
        return () -> {
            List<ByteSource> out = new ArrayList<>();
            for (String suffix : SUFFIXES) {
                siblings.open(primaryFileName + suffix).ifPresent(out::add);
            }
            return out;
        };
    }

    /** Opens a file beside the primary by name (case-insensitively), or answers empty when there is none. */
    @FunctionalInterface
    interface Siblings {
        Optional<ByteSource> open(String fileName) throws IOException;
    }
}
