package org.hivescan.recovery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the transaction logs of a primary file: {@code NAME.LOG}, {@code NAME.LOG1} and {@code NAME.LOG2} in the
 * same folder, with names compared case-insensitively as Windows does ({@code ntuser.dat.LOG1} belongs to
 * {@code NTUSER.DAT}).
 */
public final class LogFiles {
    private static final List<String> SUFFIXES = List.of(".log", ".log1", ".log2");

    private LogFiles() {
    }

    /** The logs beside {@code primary}, ordered .LOG, .LOG1, .LOG2; empty when there are none or the folder is unreadable. */
    public static List<Path> beside(Path primary) {
        Path dir = primary.toAbsolutePath().getParent();
        if (dir == null) {
            return List.of();
        }
        String base = primary.getFileName().toString().toLowerCase(Locale.ROOT);
        Path[] found = new Path[SUFFIXES.size()];
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                int which = SUFFIXES.indexOf(name.startsWith(base) ? name.substring(base.length()) : "");
                if (which >= 0 && Files.isRegularFile(entry)) {
                    found[which] = entry;
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (Path p : found) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
