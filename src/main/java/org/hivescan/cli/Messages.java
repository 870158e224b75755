package org.hivescan.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hivescan.report.Escaping;

/** Error messages in the user's words: one line, naming the file and the reason, never a Java class name. */
final class Messages {
    private static final Pattern READER_POSITION = Pattern.compile("in '[^']*', (line \\d+, column \\d+):?");

    private Messages() {
    }

    /** "FILE: no such file", "FILE: permission denied": what an I/O failure means, from the innermost cause. */
    static String describe(IOException e) {
        FileSystemException fs = innermost(e, FileSystemException.class);
        if (fs != null) {
            String file = fs.getFile() == null ? "" : fs.getFile() + ": ";
            return Escaping.terminal(file + reason(fs));
        }
        return oneLine(e.getMessage());
    }

    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        String why = e.getReason();
        return why == null ? "cannot access" : why.toLowerCase(Locale.ROOT);
    }

    /** Why a file cannot be read as an input, or null when it can (checked before opening, for a clear message). */
    static String unreadable(Path file) {
        if (!java.nio.file.Files.exists(file)) {
            return "no such file";
        }
        if (java.nio.file.Files.isDirectory(file)) {
            return "is a folder, not a file";
        }
        if (!java.nio.file.Files.isReadable(file)) {
            return "permission denied";
        }
        return null;
    }

    static <T extends Throwable> T innermost(Throwable e, Class<T> type) {
        T found = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                found = type.cast(t);
            }
        }
        return found;
    }

    /**
     * A multi-line message (a YAML parser's, with the source echoed and a caret under the column) as one line:
     * the echoed source and caret go, "in 'reader', line 3, column 1:" becomes "(line 3, column 1)".
     */
    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int source = message.indexOf(" at [Source:");
        String[] lines = (source < 0 ? message : message.substring(0, source)).split("\\R");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean caretFollows = i + 1 < lines.length && lines[i + 1].strip().equals("^");
            if (line.isEmpty() || line.equals("^") || caretFollows) {
                continue;
            }
            Matcher m = READER_POSITION.matcher(line);
            line = m.find() ? "(" + m.group(1) + ")" : line;
            if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(line)) {
                kept.add(line);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String line : kept) {
            if (sb.length() > 0) {
                sb.append(line.startsWith("(") ? " " : "; ");
            }
            sb.append(line);
        }
        return Escaping.terminal(sb.toString());
    }
}
