package org.hivescan.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.LogLocator;
import org.hivescan.volume.OpenedDisk;

/**
 * The one place the scan opens hives, so that changes to the hive library's entry points stay here. Wherever a
 * hive lives, a dirty primary is replayed from the transaction logs discovery found beside it (regf format
 * specification, §Dirty state of a hive), through the same loader: a local file is memory-mapped; a file inside
 * a disk image is read through the image's tables; a zip member, or a file on a remote file system, is read into
 * memory up to {@link #maxInMemoryBytes}, since a deflated member has no random access anyway.
 */
final class HiveAccess {
    private final ScanFiles files;
    private final long maxInMemoryBytes;

    HiveAccess(ScanFiles files, long maxInMemoryBytes) {
        this.files = files;
        this.maxInMemoryBytes = maxInMemoryBytes;
    }

    /** Opens a hive with its logs applied when it is dirty; the caller closes it. */
    LoadedHive open(HiveCandidate hive) throws HiveFormatException, IOException {
        return open(hive, null);
    }

    /**
     * The image both hives of a host live in, opened once for the two of them (the caller closes it after the
     * hives); null when they do not share one.
     */
    OpenedDisk sharedImage(HiveCandidate system, HiveCandidate software) throws IOException {
        if (system == null || software == null || system.source().type() != SourceRef.Type.IMAGE_FILE
                || !system.source().container().equals(software.source().container())
                || software.source().type() != SourceRef.Type.IMAGE_FILE) {
            return null;
        }
        return ImageAccess.open(files, system.source().container());
    }

    /** {@link #open(HiveCandidate)}, reading a hive inside {@code image} (when not null) through it. */
    LoadedHive open(HiveCandidate hive, OpenedDisk image) throws HiveFormatException, IOException {
        SourceRef source = hive.source();
        if (source.type() == SourceRef.Type.IMAGE_FILE) {
            return image != null ? ImageAccess.load(image, hive, false) : ImageAccess.load(files, hive);
        }
        Optional<Path> local = source.type() == SourceRef.Type.FILE ? files.localPath(source.container())
                : Optional.empty();
        if (local.isPresent()) {
            return HiveLoader.open(local.get(), LoadOptions.defaults());
        }
        return HiveLoader.open(inMemory(source), logsOf(hive), LoadOptions.defaults());
    }

    /** The logs discovery found beside the hive, each read into memory when opened. */
    private LogLocator logsOf(HiveCandidate hive) {
        return () -> {
            List<ByteSource> out = new ArrayList<>();
            try {
                for (SourceRef log : hive.logs()) {
                    out.add(inMemory(log));
                }
            } catch (IOException | RuntimeException e) {
                for (ByteSource opened : out) {
                    opened.close();
                }
                throw e;
            }
            return out;
        };
    }

    private ByteSource inMemory(SourceRef source) throws IOException {
        return new SourceOpener.MemorySource(source.toString(), readAll(source));
    }

    /** Every byte of a non-local source, refusing sizes past the memory limit. */
    byte[] readAll(SourceRef source) throws IOException {
        try (ByteSource in = SourceOpener.open(files, source)) {
            long size = in.size();
            if (size > maxInMemoryBytes) {
                throw new IOException(source + ": " + size + " bytes is past the in-memory limit of "
                        + maxInMemoryBytes + " bytes for a hive inside an archive or on a remote file system");
            }
            byte[] data = new byte[(int) size];
            in.readFully(0, data, 0, data.length);
            return data;
        }
    }
}
