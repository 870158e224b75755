package org.hivescan.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ByteSource;

/**
 * The file system a scan walks: the local one ({@link LocalScanFiles}) or, in the Spark module, a Hadoop
 * {@code FileSystem}. Paths are opaque strings in the implementation's own syntax. Only reads are offered: a scan
 * never writes to its inputs.
 */
public interface ScanFiles {

    /** The entries of a folder, sorted by name so that every run sees the same order. */
    List<ScanEntry> list(String dir) throws IOException;

    /** The entry for one path (a file or a folder). */
    ScanEntry stat(String path) throws IOException;

    /** Opens a file for positional reads. */
    ByteSource open(String path) throws IOException;

    /** The folder holding {@code path}, or null at the root. */
    String parent(String path);

    /**
     * The local file behind {@code path} when there is one, so that hives can be memory-mapped and their logs
     * found beside them; empty on remote file systems.
     */
    default Optional<Path> localPath(String path) {
        return Optional.empty();
    }
}
