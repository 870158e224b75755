package org.hivescan.recovery;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;

/**
 * One transaction log, opened read-only, with its base-block copy checked the way every log format requires
 * (§Old format / Base block Notes 1-2, §New format / Base block): the signature, a correct checksum, equal
 * sequence numbers, and a log file type. A log that fails is kept with the reason, so the report can name it.
 */
final class LogFile implements Closeable {
    /** A log's base-block copy is one 512-byte sector (§Sector size and clustering factor). */
    static final int HEADER_SIZE = 512;

    private final Path path;
    private final LogRole role;
    private final HiveBytes bytes;
    private final BaseBlock header;
    private final String problem;

    private LogFile(Path path, HiveBytes bytes, BaseBlock header, String problem) {
        this.path = path;
        this.role = LogRole.of(path);
        this.bytes = bytes;
        this.header = header;
        this.problem = problem;
    }

    /** Opens and checks a log; never throws, an unusable log carries the reason in {@link #problem()}. */
    static LogFile open(Path path) {
        try {
            return check(path, HiveBytes.open(path));
        } catch (HiveFormatException e) {
            return new LogFile(path, null, null, "cannot be read: " + e.getMessage());
        }
    }

    /** Opens and checks a log read from a source; takes ownership of the source. */
    static LogFile open(ByteSource source) {
        Path path = Path.of(source.name());
        try {
            return check(path, HiveBytes.open(source));
        } catch (HiveFormatException e) {
            closeQuietly(source);
            return new LogFile(path, null, null, "cannot be read: " + e.getMessage());
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Read-only input: nothing is lost.
        }
    }

    private static LogFile check(Path path, HiveBytes bytes) {
        if (bytes.length() == 0) {
            return new LogFile(path, bytes, null, "empty file (0 bytes)");
        }
        BaseBlock header;
        try {
            header = BaseBlock.read(bytes, 0);
        } catch (HiveFormatException e) {
            return new LogFile(path, bytes, null, "not a transaction log: " + e.getMessage());
        }
        return new LogFile(path, bytes, header, headerProblem(header));
    }

    private static String headerProblem(BaseBlock h) {
        int type = h.fileType();
        if (type != BaseBlock.FILE_TYPE_LOG_OLD && type != BaseBlock.FILE_TYPE_LOG_VERY_OLD
                && type != BaseBlock.FILE_TYPE_LOG_NEW) {
            return "not a transaction log: base block file type is " + Integer.toUnsignedString(type)
                    + " (expected 1 or 2 for the old format, 6 for the new)";
        }
        if (!h.checksumValid()) {
            return String.format("corrupt: base block checksum wrong (stored 0x%08X, computed 0x%08X)",
                    h.storedChecksum(), h.computedChecksum());
        }
        if (!h.sequenceNumbersMatch()) {
            // §Old format / Base block Note 2: a log is valid only when its two sequence numbers are equal.
            return "incomplete: its base block sequence numbers differ (" + SequenceNumbers.text(h.primarySequence())
                    + " / " + SequenceNumbers.text(h.secondarySequence()) + "), so the log was not fully written";
        }
        if (h.majorVersion() != 1) {
            return "unsupported: major version " + Integer.toUnsignedString(h.majorVersion());
        }
        return null;
    }

    Path path() {
        return path;
    }

    LogRole role() {
        return role;
    }

    /** The log's bytes; null only when the file could not be opened. */
    HiveBytes bytes() {
        return bytes;
    }

    /** The log's base-block copy; null when it could not be read. */
    BaseBlock header() {
        return header;
    }

    /** Why this log cannot be used at all, or null when its base-block copy is sound. */
    String problem() {
        return problem;
    }

    boolean usable() {
        return problem == null;
    }

    boolean isNewFormat() {
        return usable() && header.fileType() == BaseBlock.FILE_TYPE_LOG_NEW;
    }

    boolean isOldFormat() {
        return usable() && header.fileType() != BaseBlock.FILE_TYPE_LOG_NEW;
    }

    /** The log's "primary sequence number": in the new format, the sequence number of its first entry. */
    int startSequence() {
        return header.primarySequence();
    }

    long length() {
        return bytes == null ? 0 : bytes.length();
    }

    /** How notes name this log. */
    String label() {
        return path.toString();
    }

    @Override
    public void close() throws IOException {
        if (bytes != null) {
            bytes.close();
        }
    }
}
