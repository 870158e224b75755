package org.hivescan.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.hivescan.bytes.ByteSource;

/**
 * Reads the members of a zip collection archive without unpacking it to disk. A local zip is read through its
 * central directory (random access); on another file system the archive is streamed. Every member read is
 * bounded, so a zip bomb ends in an error naming the member, not in an out-of-memory.
 */
final class ZipArchive {

    /** Receives each file member: its name, its declared size (-1 if unknown) and its bytes on demand. */
    interface MemberVisitor {
        void member(String name, long declaredSize, MemberBytes bytes) throws IOException;
    }

    /** The bytes of the member being visited, read at most once. */
    interface MemberBytes {
        /** Up to {@code limit} bytes from the start (fewer if the member is shorter). */
        byte[] head(int limit) throws IOException;

        /** Every byte; an IOException past {@code limit}. */
        byte[] all(long limit) throws IOException;
    }

    private ZipArchive() {
    }

    static boolean looksLikeZip(String name, byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    static void forEachMember(ScanFiles files, String zip, MemberVisitor visitor) throws IOException {
        Optional<Path> local = files.localPath(zip);
        if (local.isPresent()) {
            try (ZipFile z = new ZipFile(local.get().toFile())) {
                Enumeration<? extends ZipEntry> entries = z.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.isDirectory()) {
                        visitor.member(e.getName(), e.getSize(), new EntryBytes(zip, e.getName(),
                                () -> z.getInputStream(e)));
                    }
                }
            }
            return;
        }
        try (ByteSource src = files.open(zip); ZipInputStream in = new ZipInputStream(new SourceStream(src))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    visitor.member(e.getName(), e.getSize(), new StreamedEntryBytes(zip, e.getName(), in));
                }
            }
        }
    }

    /** Every byte of one member, at most {@code limit}. */
    static byte[] read(ScanFiles files, String zip, String member, long limit) throws IOException {
        byte[][] found = new byte[1][];
        forEachMemberUntil(files, zip, member, limit, found);
        if (found[0] == null) {
            throw new IOException(zip + ": no member named " + member);
        }
        return found[0];
    }

    private static void forEachMemberUntil(ScanFiles files, String zip, String member, long limit, byte[][] found)
            throws IOException {
        Optional<Path> local = files.localPath(zip);
        if (local.isPresent()) {
            try (ZipFile z = new ZipFile(local.get().toFile())) {
                ZipEntry e = z.getEntry(member);
                if (e != null) {
                    found[0] = new EntryBytes(zip, member, () -> z.getInputStream(e)).all(limit);
                }
            }
            return;
        }
        forEachMember(files, zip, (name, size, bytes) -> {
            if (found[0] == null && name.equals(member)) {
                found[0] = bytes.all(limit);
            }
        });
    }

    /**
     * A member of a streamed archive: its bytes pass once, so the head read first is kept and the rest is read
     * after it on demand.
     */
    private static final class StreamedEntryBytes implements MemberBytes {
        private final String zip;
        private final String member;
        private final InputStream in;
        private byte[] head = new byte[0];

        StreamedEntryBytes(String zip, String member, InputStream in) {
            this.zip = zip;
            this.member = member;
            this.in = in;
        }

        @Override
        public byte[] head(int limit) throws IOException {
            if (head.length < limit) {
                byte[] more = in.readNBytes(limit - head.length);
                byte[] joined = java.util.Arrays.copyOf(head, head.length + more.length);
                System.arraycopy(more, 0, joined, head.length, more.length);
                head = joined;
            }
            return java.util.Arrays.copyOf(head, Math.min(limit, head.length));
        }

        @Override
        public byte[] all(long limit) throws IOException {
            byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1 - head.length));
            if (head.length + (long) rest.length > limit) {
                throw new IOException(zip + "!" + member + ": member inflates past " + limit
                        + " bytes, refused (a hive is never that large)");
            }
            byte[] joined = java.util.Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, joined, head.length, rest.length);
            head = joined;
            return joined;
        }
    }

    /** Opens a member's stream. */
    private interface StreamOpener {
        InputStream open() throws IOException;
    }

    /** Bounded reads of one member. */
    private static final class EntryBytes implements MemberBytes {
        private final String zip;
        private final String member;
        private final StreamOpener opener;

        EntryBytes(String zip, String member, StreamOpener opener) {
            this.zip = zip;
            this.member = member;
            this.opener = opener;
        }

        @Override
        public byte[] head(int limit) throws IOException {
            try (InputStream in = opener.open()) {
                return in.readNBytes(limit);
            }
        }

        @Override
        public byte[] all(long limit) throws IOException {
            try (InputStream in = opener.open()) {
                byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (data.length > limit) {
                    throw new IOException(zip + "!" + member + ": member inflates past " + limit
                            + " bytes, refused (a hive is never that large)");
                }
                return data;
            }
        }
    }

    /** A sequential stream over positional bytes. */
    private static final class SourceStream extends InputStream {
        private final ByteSource src;
        private long pos;

        SourceStream(ByteSource src) {
            this.src = src;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = src.size() - pos;
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            src.readFully(pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
