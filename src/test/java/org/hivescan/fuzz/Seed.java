package org.hivescan.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input the fuzzer mutates: a primary hive, or a transaction log together with the primary it belongs to.
 * Bytes and layout are loaded on first use and kept, since most big seeds are picked rarely or never.
 */
final class Seed {
    private final String name;
    private final Path path;
    private final Path primary;
    private final long size;
    private byte[] bytes;
    private HiveLayout hiveLayout;
    private LogLayout logLayout;

    /**
     * @param primary for a log, the primary hive it is replayed into; null for a primary seed
     */
    Seed(String name, Path path, Path primary, long size) {
        this.name = name;
        this.path = path;
        this.primary = primary;
        this.size = size;
    }

    String name() {
        return name;
    }

    Path path() {
        return path;
    }

    boolean isLog() {
        return primary != null;
    }

    Path primary() {
        return primary;
    }

    long size() {
        return size;
    }

    synchronized byte[] bytes() {
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    synchronized HiveLayout hiveLayout() {
        if (hiveLayout == null) {
            hiveLayout = HiveLayout.parse(bytes());
        }
        return hiveLayout;
    }

    synchronized LogLayout logLayout() {
        if (logLayout == null) {
            logLayout = LogLayout.parse(bytes());
        }
        return logLayout;
    }

    /** What a run of one mutant roughly costs, in bytes read: a log's replay walks its whole primary too. */
    long cost() {
        try {
            return size + (primary == null ? 0 : Files.size(primary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the cached bytes and layouts of a big seed once it has been used. */
    synchronized void release() {
        bytes = null;
        hiveLayout = null;
        logLayout = null;
    }

    @Override
    public String toString() {
        return name;
    }
}
