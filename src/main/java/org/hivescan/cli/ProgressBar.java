package org.hivescan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hivescan.scan.ScanRun;

/**
 * The scan's progress line on stderr: hosts done/total, rate, ETA and errors, redrawn at most ten times a second.
 * Drawn only when stderr is a terminal and not in CI, so pipes and logs stay clean.
 */
final class ProgressBar implements ScanRun.Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar when stderr is a terminal, else nothing. */
    static ScanRun.Progress forStderr(PrintWriter err) {
        return stderrIsTerminal() && System.getenv("CI") == null ? new ProgressBar(err) : ScanRun.Progress.NONE;
    }

    /** Linux shows where fd 2 points; elsewhere a console on the process is the best hint Java 17 gives. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override
    public void discovered(int hosts) {
        err.print("\rhivescan scan: " + hosts + " hosts found");
        err.flush();
    }

    @Override
    public synchronized void hostDone(int done, int total, long errors) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = done / seconds;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.print(String.format("\r[%s%s] %d/%d hosts, %.0f/s, ETA %ds, %d errors ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, rate, eta, errors));
        err.flush();
    }

    @Override
    public void finished() {
        err.println();
        err.flush();
    }
}
