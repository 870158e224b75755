package org.hivescan.recovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;

/**
 * Writes a loaded hive's bytes (the recovered view) to a new file: first to a temporary file in the target's folder,
 * then moved into place, so a reader never sees a half-written hive and a failure leaves no partial output.
 */
public final class RecoveredHiveWriter {
    private static final int CHUNK = 1 << 20;

    private RecoveredHiveWriter() {
    }

    /**
     * Writes {@code loaded}'s bytes to {@code target}.
     *
     * @param replaceExisting replace a file already at {@code target}; otherwise an existing file is an error
     * @return the number of bytes written
     */
    public static long write(LoadedHive loaded, Path target, boolean replaceExisting)
            throws IOException, HiveFormatException {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".hivescan-" + UUID.randomUUID() + ".tmp");
        try {
            long written = copy(loaded.bytes(), temp);
            move(temp, absolute, replaceExisting);
            return written;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Copies the view in chunks. All-zero chunks are skipped and left as holes, which read back as zeros: a log may
     * grow a hive far past the primary's end, and that space need not be written out byte by byte.
     */
    private static long copy(HiveBytes bytes, Path temp) throws IOException, HiveFormatException {
        byte[] buffer = new byte[CHUNK];
        long length = bytes.length();
        // CREATE_NEW: never reuse a file that is already there; permissions follow the umask like any new file.
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(buffer.length, length - done);
                bytes.readBytes(done, buffer, 0, n);
                if (!allZero(buffer, n)) {
                    writeFully(out, ByteBuffer.wrap(buffer, 0, n), done);
                }
                done += n;
            }
            if (out.size() < length) {
                writeFully(out, ByteBuffer.wrap(new byte[1]), length - 1); // the file ends in a hole
            }
        }
        return length;
    }

    private static boolean allZero(byte[] buffer, int count) {
        for (int i = 0; i < count; i++) {
            if (buffer[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void writeFully(FileChannel out, ByteBuffer data, long position) throws IOException {
        long at = position;
        while (data.hasRemaining()) {
            at += out.write(data, at);
        }
    }

    private static void move(Path temp, Path target, boolean replaceExisting) throws IOException {
        if (!replaceExisting) {
            // Without REPLACE_EXISTING the move fails with FileAlreadyExistsException if the target appeared.
            Files.move(temp, target);
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
