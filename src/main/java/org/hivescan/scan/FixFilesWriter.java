package org.hivescan.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.hivescan.report.Escaping;

/**
 * Writes {@code fixes/NAME_ID/} with a host's per-hive offline {@code .reg} files. The folder name is the host
 * name made file-safe plus the start of the host id, since two hosts may share a name. Each file is written to a
 * temporary name and moved into place, so an interrupted run never leaves half a fix file.
 */
public final class FixFilesWriter {
    private final Path root;

    public FixFilesWriter(Path root) {
        this.root = root;
    }

    /** The folder, relative to the output folder, that a host's fixes go to. */
    public static String folderOf(String name, String hostId) {
        String safe = Escaping.fileName(name == null ? "host" : name);
        return "fixes/" + safe + "_" + hostId.substring(0, Math.min(8, hostId.length()));
    }

    public void write(HostResult r) throws IOException {
        if (r.fixFiles().isEmpty()) {
            return;
        }
        Path dir = root.resolve(folderOf(r.name(), r.hostId()));
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : r.fixFiles().entrySet()) {
            Path target = dir.resolve(Escaping.fileName(f.getKey()));
            Path tmp = dir.resolve(target.getFileName() + ".part");
            Files.writeString(tmp, f.getValue(), StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
