package org.hivescan.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Standard output that turns "the reader went away" (EPIPE) into {@link StdoutClosedException}, so a command stops
 * at once and quietly, as {@code cat} does, instead of reporting an error or carrying on. Other write errors
 * (a full disk) stay IOExceptions and are reported.
 */
final class StdoutGuard extends FilterOutputStream {
    StdoutGuard(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw translate(e);
        }
    }

    private static IOException translate(IOException e) {
        if (isClosedPipe(e)) {
            throw new StdoutClosedException(e);
        }
        return e;
    }

    /** EPIPE reads "Broken pipe" on Linux and macOS. */
    static boolean isClosedPipe(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("broken pipe");
    }
}
