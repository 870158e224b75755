package org.hivescan.scan;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import org.hivescan.bytes.ByteSource;

/**
 * The cheap fingerprint of a hive: its size, its base block and three 4 KiB samples of the bins (the first, the
 * middle and the last), hashed together. Equal hives always have equal fingerprints; different hives almost never
 * do, and when they do {@link #sha256} settles it by reading every byte.
 */
final class Fingerprint {
    private static final int BLOCK = 4096;

    private Fingerprint() {
    }

    /** Anything read by position: a {@link ByteSource} or the hive library's bytes. */
    interface Positional {
        long size() throws IOException;

        void readFully(long position, byte[] buffer, int offset, int length) throws IOException;

        static Positional of(ByteSource s) {
            return new Positional() {
                @Override
                public long size() throws IOException {
                    return s.size();
                }

                @Override
                public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
                    s.readFully(position, buffer, offset, length);
                }
            };
        }

        static Positional of(org.hivescan.bytes.HiveBytes b) {
            return new Positional() {
                @Override
                public long size() {
                    return b.length();
                }

                @Override
                public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
                    try {
                        b.readBytes(position, buffer, offset, length);
                    } catch (org.hivescan.bytes.HiveFormatException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                }
            };
        }
    }

    /** {@code size:hash}, reading at most 16 KiB. */
    static String of(Positional in) throws IOException {
        long size = in.size();
        // A fast non-cryptographic digest is all a fingerprint needs; SHA-256 confirms a collision.
        Hasher h = Hashing.murmur3_128().newHasher();
        byte[] block = new byte[BLOCK];
        for (long at : samples(size)) {
            int n = (int) Math.min(BLOCK, size - at);
            in.readFully(at, block, 0, n);
            h.putLong(at).putBytes(block, 0, n);
        }
        return size + ":" + h.hash();
    }

    private static long[] samples(long size) {
        if (size <= 4L * BLOCK) {
            return new long[] {0};
        }
        long middle = (size / 2) / BLOCK * BLOCK;
        return new long[] {0, BLOCK, middle, size - BLOCK};
    }

    /** SHA-256 of every byte, hex. */
    static String sha256(Positional in) throws IOException {
        Hasher h = Hashing.sha256().newHasher();
        long size = in.size();
        byte[] buf = new byte[1 << 16];
        for (long at = 0; at < size; at += buf.length) {
            int n = (int) Math.min(buf.length, size - at);
            in.readFully(at, buf, 0, n);
            h.putBytes(buf, 0, n);
        }
        return h.hash().toString();
    }

    /** SHA-256 of a stream, hex. */
    static String sha256(InputStream in) throws IOException {
        Hasher h = Hashing.sha256().newHasher();
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            h.putBytes(buf, 0, n);
        }
        return h.hash().toString();
    }
}
