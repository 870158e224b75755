package org.hivescan.container;

import java.io.Closeable;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hivescan.bytes.ByteSource;

/** The one {@link DiskImage} implementation: a format's virtual disk, its metadata and the files to close. */
final class OpenedImage implements DiskImage {
    private static final int HASH_BUFFER = 1 << 20;

    private final String format;
    private final VirtualDisk disk;
    private final Map<String, String> metadata;
    private final List<? extends Closeable> files;

    OpenedImage(String format, VirtualDisk disk, Map<String, String> metadata, List<? extends Closeable> files) {
        this.format = format;
        this.disk = disk;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.files = List.copyOf(files);
    }

    @Override
    public ByteSource disk() {
        return disk;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public long virtualSize() {
        return disk.size();
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public ImageVerification verifyImage() throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        byte[] buffer = new byte[HASH_BUFFER];
        long size = disk.size();
        for (long at = 0; at < size; at += buffer.length) {
            int n = (int) Math.min(buffer.length, size - at);
            disk.readFully(at, buffer, 0, n);
            md5.update(buffer, 0, n);
            sha1.update(buffer, 0, n);
        }
        Map<String, String> stored = new LinkedHashMap<>();
        for (String key : List.of("md5", "sha1")) {
            if (metadata.containsKey(key)) {
                stored.put(key, metadata.get(key));
            }
        }
        HexFormat hex = HexFormat.of();
        return new ImageVerification(stored,
                Map.of("md5", hex.formatHex(md5.digest()), "sha1", hex.formatHex(sha1.digest())), size);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }

    @Override
    public void close() throws IOException {
        closeAll(files);
    }

    /** Closes every file, reporting the first failure after trying them all. */
    static void closeAll(List<? extends Closeable> files) throws IOException {
        IOException first = null;
        for (Closeable file : files) {
            try {
                file.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
