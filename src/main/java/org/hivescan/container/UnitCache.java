package org.hivescan.container;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * A bounded cache of decoded units (inflated grains, clusters and chunks; decoded second-level tables), weighed
 * by their bytes, so repeated reads of a hot unit fetch and inflate it once. Safe for concurrent use.
 */
final class UnitCache {
    /** Loads one unit; may fail with the format's exception. */
    interface Loader {
        byte[] load() throws IOException;
    }

    private final Cache<Long, byte[]> cache;

    UnitCache(long maxBytes) {
        this.cache = CacheBuilder.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Long key, byte[] value) -> value.length + 64)
                .build();
    }

    byte[] get(long key, Loader loader) throws IOException {
        try {
            return cache.get(key, loader::load);
        } catch (ExecutionException | UncheckedExecutionException | ExecutionError e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
