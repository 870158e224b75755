package org.hivescan.scan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.FileByteSource;

/**
 * {@link ScanFiles} over java.nio. Symbolic links are not followed (a link loop must not make the walk endless);
 * special files (devices, pipes) are listed as neither file nor folder and so are skipped.
 */
public final class LocalScanFiles implements ScanFiles {

    @Override
    public List<ScanEntry> list(String dir) throws IOException {
        List<ScanEntry> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(dir))) {
            for (Path p : entries) {
                ScanEntry e = entry(p);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparing(ScanEntry::name));
        return out;
    }

    @Override
    public ScanEntry stat(String path) throws IOException {
        Path p = Path.of(path);
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new ScanEntry(name(p), path, a.isDirectory() ? 0 : a.size(), a.isDirectory());
    }

    private static ScanEntry entry(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
            return new ScanEntry(name(p), p.toString(), 0, true);
        }
        if (a.isRegularFile()) {
            return new ScanEntry(name(p), p.toString(), a.size(), false);
        }
        return null;
    }

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? p.toString() : n.toString();
    }

    @Override
    public ByteSource open(String path) throws IOException {
        return FileByteSource.open(Path.of(path));
    }

    @Override
    public String parent(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? null : parent.toString();
    }

    @Override
    public Optional<Path> localPath(String path) {
        return Optional.of(Path.of(path));
    }
}
