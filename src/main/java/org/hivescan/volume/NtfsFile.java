package org.hivescan.volume;

import java.io.IOException;
import java.util.List;
import org.hivescan.bytes.ByteSource;

/**
 * A file or directory of an NTFS volume: its base MFT record number, the path it was found under, and its
 * attributes gathered from the base record and every extension record its $ATTRIBUTE_LIST names.
 */
public final class NtfsFile {
    private final NtfsVolume volume;
    private final long recordNumber;
    private final String path;
    private final boolean directory;
    private final boolean hasAttributeList;
    private final List<Attribute> attributes;

    NtfsFile(NtfsVolume volume, long recordNumber, String path, boolean directory, boolean hasAttributeList,
            List<Attribute> attributes) {
        this.volume = volume;
        this.recordNumber = recordNumber;
        this.path = path;
        this.directory = directory;
        this.hasAttributeList = hasAttributeList;
        this.attributes = List.copyOf(attributes);
    }

    public long recordNumber() {
        return recordNumber;
    }

    /** The path with each name as stored on the volume, '/' separators and a leading '/'. */
    public String path() {
        return path;
    }

    public boolean isDirectory() {
        return directory;
    }

    /** Whether the attributes are spread over several MFT records. */
    public boolean hasAttributeList() {
        return hasAttributeList;
    }

    /** The size of the unnamed $DATA stream, 0 for a directory or a file without one. */
    public long size() {
        for (Attribute a : attributes) {
            if (a.type() == Attribute.DATA && a.name().isEmpty() && a.startVcn() == 0) {
                return a.dataSize();
            }
        }
        return 0;
    }

    /**
     * The unnamed $DATA stream as a byte source, named {@code image:/path}. Compressed and encrypted streams are
     * refused: their clusters do not hold the file's bytes.
     */
    public ByteSource open() throws IOException {
        return volume.dataStream(this);
    }

    /** The number of data runs of the unnamed $DATA stream (0 when resident). */
    public int runCount() throws IOException {
        ByteSource source = open();
        return source instanceof NtfsFileSource nonResident ? nonResident.runCount() : 0;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return path + " (MFT record " + recordNumber + ")";
    }
}
