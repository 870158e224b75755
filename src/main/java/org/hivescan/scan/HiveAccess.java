package org.hivescan.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ArrayBytes;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.recovery.RecoveryReport;

/**
 * The one place the scan opens hives, so that changes to the hive library's entry points stay here. A local file
 * goes through the loader (memory-mapped, transaction logs beside it replayed); a zip member or an image file is
 * read into memory, up to {@link #maxInMemoryBytes}, since a deflated member has no random access anyway.
 */
final class HiveAccess {
    private final ScanFiles files;
    private final long maxInMemoryBytes;

    HiveAccess(ScanFiles files, long maxInMemoryBytes) {
        this.files = files;
        this.maxInMemoryBytes = maxInMemoryBytes;
    }

    /** Opens a hive with its logs applied where the library can; the caller closes it. */
    LoadedHive open(SourceRef source) throws HiveFormatException, IOException {
        Optional<Path> local = source.type() == SourceRef.Type.FILE ? files.localPath(source.container())
                : Optional.empty();
        if (local.isPresent()) {
            return HiveLoader.open(local.get(), LoadOptions.defaults());
        }
        return openInMemory(source);
    }

    private LoadedHive openInMemory(SourceRef source) throws HiveFormatException, IOException {
        HiveBytes bytes = new ArrayBytes(source.toString(), readAll(source));
        BaseBlock base = BaseBlock.read(bytes, 0);
        List<String> notes = new ArrayList<>();
        if (base.isDirty()) {
            // Replay needs the logs as files; until the library replays from any ByteSource, say so.
            notes.add("the primary is dirty; logs inside archives and images are not replayed yet, reading it as"
                    + " it is");
        }
        Hive hive = Hive.open(bytes, HiveOptions.lenient());
        RecoveryReport report = new RecoveryReport(base.isDirty(), base.dirtyReasons(), List.of(), false, notes,
                List.of());
        return new LoadedHive(hive, report, bytes);
    }

    /** Every byte of a non-local source, refusing sizes past the memory limit. */
    byte[] readAll(SourceRef source) throws IOException {
        try (ByteSource in = SourceOpener.open(files, source)) {
            long size = in.size();
            if (size > maxInMemoryBytes) {
                throw new IOException(source + ": " + size + " bytes is past the in-memory limit of "
                        + maxInMemoryBytes + " bytes for a hive inside an archive or image");
            }
            byte[] data = new byte[(int) size];
            in.readFully(0, data, 0, data.length);
            return data;
        }
    }
}
