package org.hivescan.scan;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hivescan.bytes.ByteSource;

/**
 * Local files seen as a remote file system would show them (no local path: no mapping, zips streamed), with an
 * optional stall: the N-th open of a file whose path contains a marker sleeps, as a hung network read would.
 */
final class RemoteLikeFiles implements ScanFiles {
    private final LocalScanFiles local = new LocalScanFiles();
    private final String stallMarker;
    private final int stallOnOpen;
    private final ConcurrentHashMap<String, AtomicInteger> opens = new ConcurrentHashMap<>();

    RemoteLikeFiles(String stallMarker, int stallOnOpen) {
        this.stallMarker = stallMarker;
        this.stallOnOpen = stallOnOpen;
    }

    @Override
    public List<ScanEntry> list(String dir) throws IOException {
        return local.list(dir);
    }

    @Override
    public ScanEntry stat(String path) throws IOException {
        return local.stat(path);
    }

    @Override
    public ByteSource open(String path) throws IOException {
        int n = opens.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (stallMarker != null && path.contains(stallMarker) && n == stallOnOpen) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
        }
        return local.open(path);
    }

    @Override
    public String parent(String path) {
        return local.parent(path);
    }
}
