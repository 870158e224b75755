package org.hivescan.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The files one image opens and their shared fetch counter, so a failed open closes everything it opened. */
final class OpenContext {
    final LongAdder fetched = new LongAdder();
    final UnitCache cache = new UnitCache(Limits.CACHE_BYTES);
    private final List<ImageFile> files = new ArrayList<>();

    /**
     * Opens a file of the image once, however often its descriptor names it. Only regular files: a pipe or device
     * named by a descriptor could block a read forever.
     */
    ImageFile open(Path path) throws IOException {
        Path normalized = path.toAbsolutePath().normalize();
        for (ImageFile open : files) {
            if (open.path() != null && open.path().toAbsolutePath().normalize().equals(normalized)) {
                return open;
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageFormatException(path.toString(), 0, "image file", Files.exists(path)
                    ? "expected a regular file, found a directory, device or pipe" : "expected a file, found none");
        }
        ImageFile file = ImageFile.open(path, fetched, files.size());
        files.add(file);
        return file;
    }

    /** Takes over a byte source as the image's first file. */
    ImageFile adopt(org.hivescan.bytes.ByteSource source) throws IOException {
        ImageFile file = ImageFile.of(source, fetched, files.size());
        files.add(file);
        return file;
    }

    /**
     * The sibling {@code name} of an image file, for the formats that span several files; refused for a file
     * read through a byte source, which has no folder to look in.
     */
    static Path sibling(ImageFile file, String name, String structure) throws IOException {
        if (file.path() == null) {
            throw new UnsupportedImageException(file.name(), 0, structure, "this image spans several files ("
                    + name + " is one), which are opened from a local path only");
        }
        return file.path().resolveSibling(name);
    }

    List<ImageFile> files() {
        return files;
    }

    OpenedImage image(String format, VirtualDisk disk, java.util.Map<String, String> metadata) {
        metadata.putIfAbsent("files", Integer.toString(files.size()));
        return new OpenedImage(format, disk, metadata, files);
    }
}
