package org.hivescan.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The files one image opens and their shared fetch counter, so a failed open closes everything it opened. */
final class OpenContext {
    final LongAdder fetched = new LongAdder();
    final UnitCache cache = new UnitCache(Limits.CACHE_BYTES);
    private final List<ImageFile> files = new ArrayList<>();

    ImageFile open(Path path) throws IOException {
        ImageFile file = ImageFile.open(path, fetched, files.size());
        files.add(file);
        return file;
    }

    List<ImageFile> files() {
        return files;
    }

    OpenedImage image(String format, VirtualDisk disk, java.util.Map<String, String> metadata) {
        metadata.putIfAbsent("files", Integer.toString(files.size()));
        return new OpenedImage(format, disk, metadata, files);
    }
}
