package org.hivescan.container;

import java.util.Map;

/**
 * The result of {@link DiskImage#verifyImage()}: the hashes the image stores (E01: MD5, SHA-1; lowercase hex,
 * keyed {@code md5}, {@code sha1}) against the same hashes computed over the whole virtual disk.
 */
public record ImageVerification(Map<String, String> stored, Map<String, String> computed, long bytesHashed) {
    public ImageVerification {
        stored = Map.copyOf(stored);
        computed = Map.copyOf(computed);
    }

    /** True when the image stores at least one hash. */
    public boolean hasStoredHashes() {
        return !stored.isEmpty();
    }

    /** True when the image stores hashes and every one equals the computed one. */
    public boolean matches() {
        return hasStoredHashes()
                && stored.entrySet().stream().allMatch(e -> e.getValue().equalsIgnoreCase(computed.get(e.getKey())));
    }
}
