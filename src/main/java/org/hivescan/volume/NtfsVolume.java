package org.hivescan.volume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hivescan.bytes.ByteSource;

/**
 * A read-only NTFS volume over a partition's bytes. Opening reads the boot sector, the $MFT's own record (to map
 * the MFT) and the $UpCase table; files are then found through the directory indexes and read lazily.
 *
 * <p>Facts from the Linux-NTFS project documentation and libyal's "New Technologies File System (NTFS)" notes:
 * MFT record 0 is $MFT, 5 the root directory, 10 $UpCase; file references hold the record number in their low
 * 48 bits and the sequence number in the high 16.
 */
public final class NtfsVolume {
    public static final String NTFS_OEM = "NTFS    ";
    public static final String BITLOCKER_OEM = "-FVE-FS-";
    private static final long MFT = 0;
    private static final long ROOT = 5;
    private static final long UPCASE = 10;
    private static final long VOLUME = 3;
    private static final long RECORD_MASK = 0xFFFFFFFFFFFFL;

    private final ByteSource partition;
    private final String resource;
    private final long diskOffset;
    private final BootSector boot;
    private NtfsFileSource mft;
    private char[] upcase;

    private NtfsVolume(ByteSource partition, String resource, long diskOffset, BootSector boot) {
        this.partition = partition;
        this.resource = resource;
        this.diskOffset = diskOffset;
        this.boot = boot;
    }

    /**
     * Opens the NTFS volume in {@code partition}, whose first byte sits at {@code diskOffset} of the image named
     * {@code resource} (errors give disk offsets).
     */
    public static NtfsVolume open(ByteSource partition, String resource, long diskOffset) throws IOException {
        if (partition.size() < 512) {
            throw new VolumeFormatException(resource, diskOffset, "NTFS boot sector", "expected 512 bytes, found "
                    + "a partition of " + partition.size());
        }
        BootSector boot = BootSector.parse(PartitionTables.read(partition, 0, 512), resource, diskOffset);
        if (boot.volumeSize() > partition.size()) {
            throw new VolumeFormatException(resource, diskOffset + 40, "NTFS boot sector", String.format(
                    "total sectors: expected the volume (0x%X bytes) to fit its partition (0x%X bytes), found it "
                            + "larger (truncated image or wrong partition table)", boot.volumeSize(),
                    partition.size()));
        }
        NtfsVolume volume = new NtfsVolume(partition, resource, diskOffset, boot);
        volume.mapMft();
        volume.upcase = volume.readUpcase();
        return volume;
    }

    /** What the boot sector of {@code partition} says it is: "NTFS", "BitLocker", "FAT32", "FAT" or "". */
    public static String fileSystemOf(ByteSource partition) throws IOException {
        if (partition.size() < 512) {
            return "";
        }
        byte[] b = PartitionTables.read(partition, 0, 512);
        String oem = new String(b, 3, 8, StandardCharsets.US_ASCII);
        if (oem.equals(NTFS_OEM)) {
            return "NTFS";
        }
        if (oem.equals(BITLOCKER_OEM)) {
            return "BitLocker";
        }
        if (new String(b, 82, 8, StandardCharsets.US_ASCII).startsWith("FAT32")) {
            return "FAT32";
        }
        if (new String(b, 54, 8, StandardCharsets.US_ASCII).startsWith("FAT")) {
            return "FAT";
        }
        return "";
    }

    public int clusterSize() {
        return boot.clusterSize();
    }

    public long size() {
        return boot.volumeSize();
    }

    public long serialNumber() {
        return boot.serialNumber();
    }

    /** The volume label from $Volume's $VOLUME_NAME, or "" when there is none. */
    public String label() throws IOException {
        for (Attribute a : loadFile(VOLUME, "/$Volume").attributes()) {
            if (a.type() == 0x60 && a.resident()) {
                return new String(a.value(), StandardCharsets.UTF_16LE);
            }
        }
        return "";
    }

    public NtfsFile root() throws IOException {
        return loadFile(ROOT, "/");
    }

    /**
     * The file at {@code path} ('/' or '\' separated, from the root), matching each name case-insensitively as
     * Windows does; empty when a component does not exist.
     */
    public Optional<NtfsFile> find(String path) throws IOException {
        NtfsFile current = root();
        StringBuilder walked = new StringBuilder();
        int depth = 0;
        for (String name : path.split("[/\\\\]")) {
            if (name.isEmpty()) {
                continue;
            }
            if (++depth > VolumeFormatLimits.MAX_PATH_DEPTH || !current.isDirectory()) {
                return Optional.empty();
            }
            Optional<IndexSearch.Found> entry = new IndexSearch(this, current).find(name);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            walked.append('/').append(entry.get().storedName());
            current = loadReferenced(entry.get().reference(), walked.toString());
        }
        return Optional.of(current);
    }

    /** Like {@link #find} but a missing file is an error naming the image and the path. */
    public NtfsFile file(String path) throws IOException {
        return find(path).orElseThrow(() -> new NoSuchFileException(resource + ":" + path, null,
                "no such file in the NTFS volume"));
    }

    /** The long (Win32 or POSIX) names in directory {@code dir}, in index order. */
    public List<String> list(NtfsFile dir) throws IOException {
        return new IndexSearch(this, dir).names();
    }

    // ---------------------------------------------------------------- streams

    ByteSource dataStream(NtfsFile file) throws IOException {
        String name = resource + ":" + file.path();
        List<Attribute> extents = extents(file.attributes(), Attribute.DATA, "");
        if (extents.isEmpty()) {
            if (file.isDirectory()) {
                throw new VolumeFormatException(name, diskOffset, "MFT record " + file.recordNumber(),
                        "$DATA: expected a file, found a directory");
            }
            return new ResidentSource(new byte[0], name, partition);
        }
        Attribute first = extents.get(0);
        if ((first.flags() & Attribute.FLAG_COMPRESSED) != 0) {
            throw new UnsupportedVolumeException(name, first.diskOffset() + 12, "$DATA attribute", "flags 0x"
                    + Integer.toHexString(first.flags()) + ": the file is NTFS-compressed (LZNT1), which this "
                    + "reader does not decompress; uncompress it (compact /u) or copy it out with Windows");
        }
        if ((first.flags() & Attribute.FLAG_ENCRYPTED) != 0) {
            throw new UnsupportedVolumeException(name, first.diskOffset() + 12, "$DATA attribute", "flags 0x"
                    + Integer.toHexString(first.flags()) + ": the file is EFS-encrypted and cannot be read");
        }
        return stream(extents, name);
    }

    /** The extents of attribute ({@code type}, {@code name}) in VCN order. */
    static List<Attribute> extents(List<Attribute> attributes, int type, String name) {
        List<Attribute> found = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.type() == type && a.name().equals(name)) {
                found.add(a);
            }
        }
        found.sort(Comparator.comparingLong(Attribute::startVcn));
        return found;
    }

    /** Joins the extents of one stream, checking they follow each other without gap or overlap. */
    ByteSource stream(List<Attribute> extents, String name) throws IOException {
        Attribute first = extents.get(0);
        if (first.resident()) {
            if (extents.size() > 1) {
                throw new VolumeFormatException(name, first.diskOffset(), "attribute 0x" + Integer.toHexString(
                        first.type()), "extents: expected one resident value, found " + extents.size() + " extents");
            }
            return new ResidentSource(first.value(), name, partition);
        }
        List<Runs> runs = new ArrayList<>();
        long nextVcn = 0;
        for (Attribute a : extents) {
            if (a.resident() || a.startVcn() != nextVcn) {
                throw new VolumeFormatException(name, a.diskOffset() + 16, "attribute 0x" + Integer.toHexString(
                        a.type()) + " extent", "start VCN: expected " + nextVcn + " (extents must follow each "
                                + "other), found " + (a.resident() ? "a resident extent" : a.startVcn()));
            }
            runs.add(a.runs());
            nextVcn = a.lastVcn() + 1;
        }
        Runs all = Runs.concat(runs);
        if (all.endVcn() * boot.clusterSize() < first.dataSize()) {
            throw new VolumeFormatException(name, first.diskOffset() + 48, "attribute 0x" + Integer.toHexString(
                    first.type()), "data size: expected at most the " + all.endVcn() * boot.clusterSize()
                            + " bytes the runs map, found " + first.dataSize());
        }
        return new NtfsFileSource(partition, all, boot.clusterSize(), first.dataSize(), first.initialized(), name,
                diskOffset);
    }

    // ---------------------------------------------------------------- MFT records

    /** Maps the MFT from its own record 0, then again through its attribute list when it has one. */
    private void mapMft() throws IOException {
        long position = boot.mftLcn() * boot.clusterSize();
        byte[] bytes = PartitionTables.read(partition, position, boot.recordSize());
        MftRecord record = MftRecord.parse(bytes, MFT, boot.clusterCount(), resource, diskOffset + position);
        List<Attribute> data = extents(record.attributes, Attribute.DATA, "");
        if (data.isEmpty() || data.get(0).resident() || data.get(0).startVcn() != 0) {
            throw new VolumeFormatException(resource, diskOffset + position, "MFT record 0 ($MFT)",
                    "$DATA: expected a non-resident stream starting at VCN 0, found none");
        }
        List<Attribute> inRecord = new ArrayList<>();
        long next = 0;
        for (Attribute a : data) {
            if (!a.resident() && a.startVcn() == next) {
                inRecord.add(a);
                next = a.lastVcn() + 1;
            }
        }
        mft = (NtfsFileSource) stream(inRecord, resource + ":/$MFT");
        if (!extents(record.attributes, Attribute.ATTRIBUTE_LIST, "").isEmpty()) {
            mft = (NtfsFileSource) stream(extents(loadFile(MFT, "/$MFT").attributes(), Attribute.DATA, ""),
                    resource + ":/$MFT");
        }
    }

    /** Where MFT record {@code number} starts on the disk. */
    long recordDiskOffset(long number) {
        return mft.diskOffsetOf(number * boot.recordSize());
    }

    MftRecord readRecord(long number) throws IOException {
        long position = number * boot.recordSize();
        if (number < 0 || number >= mft.size() / boot.recordSize()) {
            throw new VolumeFormatException(resource, diskOffset, "file reference", "MFT record number: expected "
                    + "0.." + (mft.size() / boot.recordSize() - 1) + ", found " + number);
        }
        byte[] bytes = new byte[boot.recordSize()];
        mft.readFully(position, bytes, 0, bytes.length);
        return MftRecord.parse(bytes, number, boot.clusterCount(), resource, mft.diskOffsetOf(position));
    }

    /** Loads a file reached through a directory entry, checking the entry is not stale. */
    private NtfsFile loadReferenced(long reference, String path) throws IOException {
        long number = reference & RECORD_MASK;
        int sequence = (int) (reference >>> 48);
        NtfsFile file = loadFile(number, path);
        MftRecord record = readRecord(number);
        if (sequence != 0 && record.sequence != sequence) {
            throw new VolumeFormatException(resource, mft.diskOffsetOf(number * boot.recordSize()) + 16,
                    "MFT record " + number + " (" + path + ")", "sequence number: expected " + sequence
                            + " (from the directory entry), found " + record.sequence + " (stale entry)");
        }
        return file;
    }

    /** Reads base record {@code number} and every extension record its attribute list names. */
    NtfsFile loadFile(long number, String path) throws IOException {
        MftRecord base = readRecord(number);
        long at = mft.diskOffsetOf(number * boot.recordSize());
        if (!base.inUse()) {
            throw new VolumeFormatException(resource, at + 22, "MFT record " + number + " (" + path + ")",
                    "flags: expected a record in use, found a deleted one (0x" + Integer.toHexString(base.flags)
                            + ")");
        }
        if (base.baseRecord != 0) {
            throw new VolumeFormatException(resource, at + 32, "MFT record " + number + " (" + path + ")",
                    "base record reference: expected 0 for a base record, found " + base.baseRecord);
        }
        List<Attribute> attributes = new ArrayList<>(base.attributes);
        List<Attribute> list = extents(base.attributes, Attribute.ATTRIBUTE_LIST, "");
        if (!list.isEmpty()) {
            for (long extension : extensionRecords(list, number, path)) {
                MftRecord record = readRecord(extension);
                if (record.baseRecord != number) {
                    throw new VolumeFormatException(resource, mft.diskOffsetOf(extension * boot.recordSize()) + 32,
                            "MFT record " + extension + " (extension of " + path + ")", "base record reference: "
                                    + "expected " + number + ", found " + record.baseRecord);
                }
                attributes.addAll(record.attributes);
            }
        }
        return new NtfsFile(this, number, path, base.directory(), !list.isEmpty(), attributes);
    }

    /** The records other than the base one that $ATTRIBUTE_LIST entries point at, each once. */
    private Set<Long> extensionRecords(List<Attribute> listExtents, long base, String path) throws IOException {
        String name = resource + ":" + path + ":$ATTRIBUTE_LIST";
        ByteSource source = stream(listExtents, name);
        long size = source.size();
        if (size > VolumeFormatLimits.MAX_ATTRIBUTE_LIST_BYTES) {
            throw new VolumeFormatException(name, listExtents.get(0).diskOffset(), "$ATTRIBUTE_LIST", "size: "
                    + "expected at most " + VolumeFormatLimits.MAX_ATTRIBUTE_LIST_BYTES + ", found " + size);
        }
        byte[] b = new byte[(int) size];
        source.readFully(0, b, 0, b.length);
        Set<Long> records = new LinkedHashSet<>();
        int p = 0;
        while (p + 26 <= b.length) {
            int length = Le.u16(b, p + 4);
            if (length < 26 || length > b.length - p) {
                throw new VolumeFormatException(name, listExtents.get(0).diskOffset(), "$ATTRIBUTE_LIST entry at "
                        + "0x" + Integer.toHexString(p), "record length: expected 26.." + (b.length - p)
                                + ", found " + length);
            }
            long record = Le.s64(b, p + 16) & RECORD_MASK;
            if (record != base && records.add(record) && records.size() > VolumeFormatLimits.MAX_EXTENSION_RECORDS) {
                throw new VolumeFormatException(name, listExtents.get(0).diskOffset(), "$ATTRIBUTE_LIST",
                        "extension records: expected at most " + VolumeFormatLimits.MAX_EXTENSION_RECORDS
                                + ", found more");
            }
            p += length;
        }
        return records;
    }

    private char[] readUpcase() throws IOException {
        ByteSource source = dataStream(loadFile(UPCASE, "/$UpCase"));
        if (source.size() != VolumeFormatLimits.UPCASE_BYTES) {
            throw new VolumeFormatException(resource, diskOffset, "$UpCase (MFT record 10)", "size: expected "
                    + VolumeFormatLimits.UPCASE_BYTES + " (one UTF-16 unit per code point), found "
                    + source.size());
        }
        byte[] b = new byte[VolumeFormatLimits.UPCASE_BYTES];
        source.readFully(0, b, 0, b.length);
        char[] table = new char[65536];
        for (int i = 0; i < table.length; i++) {
            table[i] = (char) Le.u16(b, 2 * i);
        }
        return table;
    }

    char upcase(char c) {
        return upcase[c];
    }

    String resource() {
        return resource;
    }

    long diskOffset() {
        return diskOffset;
    }

    BootSector boot() {
        return boot;
    }

    ByteSource partition() {
        return partition;
    }
}
