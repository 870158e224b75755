package org.hivescan.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw disk ({@code dd}): the file is the disk. A file named {@code NAME.001} (or {@code .000}) whose sibling
 * {@code NAME.002} ({@code .001}) exists starts a split raw image: the numbered segments, laid end to end, until
 * the first missing number.
 */
final class RawFormat {
    private static final Pattern NUMBERED = Pattern.compile("(.*\\.)(\\d{3,})");

    private RawFormat() {
    }

    static DiskImage open(ImageFile first, OpenContext context) throws IOException {
        List<ImageFile> segments = segments(first, context);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("subformat", segments.size() > 1 ? "split" : "single");
        VirtualDisk disk;
        if (segments.size() == 1) {
            disk = slice(first, first.name(), context);
        } else {
            List<VirtualDisk> parts = new ArrayList<>();
            for (ImageFile segment : segments) {
                parts.add(slice(segment, segment.name(), context));
            }
            disk = new ConcatenatedDisk(first.name(), parts, context.fetched);
        }
        return context.image("raw", disk, metadata);
    }

    private static VirtualDisk slice(ImageFile file, String name, OpenContext context) {
        return new FileSliceDisk(name, file, 0, file.size(), "raw disk data", context.fetched);
    }

    private static List<ImageFile> segments(ImageFile first, OpenContext context) throws IOException {
        List<ImageFile> segments = new ArrayList<>(List.of(first));
        Path path = first.path();
        if (path == null) {
            return segments; // read through a byte source: no sibling segments to look for
        }
        Matcher numbered = NUMBERED.matcher(path.getFileName().toString());
        if (!numbered.matches()) {
            return segments;
        }
        String digits = numbered.group(2);
        long number = Long.parseLong(digits);
        if (number > 1) {
            return segments;
        }
        for (long next = number + 1; ; next++) {
            String name = numbered.group(1) + String.format("%0" + digits.length() + "d", next);
            Path sibling = path.resolveSibling(name);
            if (!Files.isRegularFile(sibling)) {
                return segments;
            }
            if (segments.size() >= Limits.MAX_SEGMENTS) {
                throw new ImageFormatException(sibling.toString(), 0, "split raw segment",
                        "expected at most " + Limits.MAX_SEGMENTS + " segments");
            }
            segments.add(context.open(sibling));
        }
    }
}
