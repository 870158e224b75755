package org.hivescan.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hivescan.bytes.ByteSource;

/**
 * Search and listing of a directory's $I30 file-name index: a B+ tree whose root node lives in $INDEX_ROOT and
 * whose other nodes are "INDX" records in $INDEX_ALLOCATION (Linux-NTFS documentation, "Directory Tree",
 * "$INDEX_ROOT", "INDX Record"). Entries are sorted by name upcased through $UpCase; an entry's subnode holds the
 * names sorting before it. Every node is visited at most once, so a damaged tree that points back at an ancestor
 * ends with an error instead of a hang.
 */
final class IndexSearch {
    private static final String I30 = "$I30";
    private static final int ENTRY_HAS_SUBNODE = 0x01;
    private static final int ENTRY_LAST = 0x02;
    private static final int DOS_NAMESPACE = 2;

    private final NtfsVolume volume;
    private final NtfsFile directory;
    private final String where;
    private final Set<Long> visited = new HashSet<>();
    private ByteSource allocation;
    private int indexRecordSize;

    IndexSearch(NtfsVolume volume, NtfsFile directory) {
        this.volume = volume;
        this.directory = directory;
        this.where = volume.resource() + ":" + directory.path();
    }

    /** A directory entry: the file reference and the name as stored. */
    record Found(long reference, String storedName) {
    }

    /** The entry named {@code name} (case-insensitive), if any. */
    Optional<Found> find(String name) throws IOException {
        char[] wanted = upcased(name);
        Node node = rootNode();
        while (true) {
            Long subnode = null;
            boolean descend = false;
            for (int p = node.start; ; ) {
                Entry e = node.entry(p);
                if (e.last()) {
                    descend = true;
                    subnode = e.subnode;
                    break;
                }
                int order = compare(wanted, upcased(e.name));
                if (order == 0) {
                    return Optional.of(new Found(e.reference, e.name));
                }
                if (order < 0) {
                    descend = true;
                    subnode = e.subnode;
                    break;
                }
                p += e.length;
            }
            if (!descend || subnode == null) {
                return Optional.empty();
            }
            node = indexNode(subnode);
        }
    }

    /** Every long name in the directory, in index order. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        collect(rootNode(), names, 0);
        return names;
    }

    private void collect(Node node, List<String> names, int depth) throws IOException {
        if (depth > VolumeFormatLimits.MAX_PATH_DEPTH) {
            throw error(node.diskOffset, "tree depth: expected at most " + VolumeFormatLimits.MAX_PATH_DEPTH
                    + " levels, found more");
        }
        for (int p = node.start; ; ) {
            Entry e = node.entry(p);
            if (e.subnode != null) {
                collect(indexNode(e.subnode), names, depth + 1);
            }
            if (e.last()) {
                return;
            }
            if (e.namespace != DOS_NAMESPACE) {
                names.add(e.name);
            }
            p += e.length;
        }
    }

    private Node rootNode() throws IOException {
        List<Attribute> roots = NtfsVolume.extents(directory.attributes(), Attribute.INDEX_ROOT, I30);
        if (roots.isEmpty() || !roots.get(0).resident()) {
            throw error(volume.diskOffset(), "$INDEX_ROOT \"$I30\": expected a resident index root in a "
                    + "directory's MFT record " + directory.recordNumber() + ", found none");
        }
        Attribute root = roots.get(0);
        byte[] value = root.value();
        if (value.length < 32) {
            throw error(root.diskOffset(), "$INDEX_ROOT value length: expected at least 32, found " + value.length);
        }
        indexRecordSize = (int) Math.min(Le.u32(value, 8), Integer.MAX_VALUE);
        return Node.of(value, 16, value.length, root.diskOffset(), this);
    }

    private Node indexNode(long vcn) throws IOException {
        if (allocation == null) {
            openAllocation();
        }
        long unit = indexRecordSize >= volume.clusterSize() ? volume.clusterSize() : 512;
        if (!visited.add(vcn) || visited.size() > VolumeFormatLimits.MAX_INDEX_NODES) {
            throw error(volume.diskOffset(), "index node VCN " + vcn + ": expected each node once, found it "
                    + "reached again (a loop in the index tree)");
        }
        long position = vcn * unit;
        if (vcn < 0 || vcn > Runs.MAX_VCN || position > allocation.size() - indexRecordSize) {
            throw error(volume.diskOffset(), "subnode VCN: expected a node inside $INDEX_ALLOCATION (0x"
                    + Long.toHexString(allocation.size()) + " bytes), found VCN " + vcn);
        }
        byte[] b = new byte[indexRecordSize];
        allocation.readFully(position, b, 0, b.length);
        long diskOffset = allocation instanceof NtfsFileSource s ? s.diskOffsetOf(position) : volume.diskOffset();
        String signature = new String(b, 0, 4, StandardCharsets.US_ASCII);
        if (!signature.equals("INDX")) {
            throw error(diskOffset, "index record at VCN " + vcn + " signature: expected \"INDX\", found \""
                    + signature.replaceAll("[^\\x20-\\x7E]", "?") + "\"");
        }
        Fixups.apply(b, volume.resource(), diskOffset, "index record of " + directory.path() + " at VCN " + vcn);
        return Node.of(b, 24, b.length, diskOffset, this);
    }

    private void openAllocation() throws IOException {
        List<Attribute> extents = NtfsVolume.extents(directory.attributes(), Attribute.INDEX_ALLOCATION, I30);
        if (extents.isEmpty()) {
            throw error(volume.diskOffset(), "$INDEX_ALLOCATION \"$I30\": expected one since an entry has a "
                    + "subnode, found none in MFT record " + directory.recordNumber());
        }
        if (indexRecordSize < 512 || indexRecordSize > VolumeFormatLimits.MAX_RECORD_SIZE
                || Integer.bitCount(indexRecordSize) != 1) {
            throw error(volume.diskOffset(), "$INDEX_ROOT index record size: expected a power of two 512..65536, "
                    + "found " + indexRecordSize);
        }
        allocation = volume.stream(extents, where + ":$I30");
    }

    private char[] upcased(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = volume.upcase(c[i]);
        }
        return c;
    }

    /** NTFS file-name collation: upcased UTF-16 code units compared in order, the shorter name first. */
    private static int compare(char[] a, char[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    VolumeFormatException error(long diskOffset, String problem) {
        return new VolumeFormatException(volume.resource(), diskOffset, "directory index of " + directory.path(),
                problem);
    }

    /** An index node: entries from {@code start} to {@code end} of {@code b}. */
    private record Node(byte[] b, int start, int end, long diskOffset, IndexSearch search) {
        /** Reads the node header at {@code header} (entries offset and total size are relative to it). */
        static Node of(byte[] b, int header, int limit, long diskOffset, IndexSearch search)
                throws VolumeFormatException {
            long entries = Le.u32(b, header);
            long total = Le.u32(b, header + 4);
            if (entries < 16 || total > limit - header || entries >= total) {
                throw search.error(diskOffset + header, "index node header: expected entries at 16.. inside the "
                        + "node's " + (limit - header) + " bytes, found entries at " + entries + ", size " + total);
            }
            return new Node(b, header + (int) entries, header + (int) total, diskOffset, search);
        }

        Entry entry(int p) throws VolumeFormatException {
            if (p + 16 > end) {
                throw search.error(diskOffset + p, "index entry: expected an entry flagged last before the node "
                        + "ends, found the node ends first");
            }
            int length = Le.u16(b, p + 8);
            int keyLength = Le.u16(b, p + 10);
            int flags = Le.u16(b, p + 12);
            if (length < 16 || (length & 7) != 0 || length > end - p) {
                throw search.error(diskOffset + p + 8, "index entry length: expected a multiple of 8 from 16 to "
                        + (end - p) + ", found " + length);
            }
            Long subnode = null;
            if ((flags & ENTRY_HAS_SUBNODE) != 0) {
                if (length < 24) {
                    throw search.error(diskOffset + p + 8, "index entry length: expected room for a subnode VCN "
                            + "(24+), found " + length);
                }
                subnode = Le.s64(b, p + length - 8);
            }
            if ((flags & ENTRY_LAST) != 0) {
                return new Entry(0, length, flags, subnode, "", 0);
            }
            if (keyLength < 66 || 16 + keyLength > length) {
                throw search.error(diskOffset + p + 10, "index entry key length: expected a $FILE_NAME of 66.."
                        + (length - 16) + " bytes, found " + keyLength);
            }
            int nameLength = Le.u8(b, p + 16 + 64);
            if (66 + 2 * nameLength > keyLength) {
                throw search.error(diskOffset + p + 16 + 64, "$FILE_NAME name length: expected at most "
                        + (keyLength - 66) / 2 + " characters, found " + nameLength);
            }
            String name = Le.utf16(b, p + 16 + 66, nameLength);
            return new Entry(Le.s64(b, p), length, flags, subnode, name, Le.u8(b, p + 16 + 65));
        }
    }

    private record Entry(long reference, int length, int flags, Long subnode, String name, int namespace) {
        boolean last() {
            return (flags & ENTRY_LAST) != 0;
        }
    }
}
