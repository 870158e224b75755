package org.hivescan.volume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One MFT "FILE" record after its fixups are undone, with its attribute records (Linux-NTFS documentation,
 * "FILE Record"). Parsing checks every length against the record before reading through it.
 */
final class MftRecord {
    static final int FLAG_IN_USE = 0x0001;
    static final int FLAG_DIRECTORY = 0x0002;

    final long number;
    final int sequence;
    final int flags;
    final long baseRecord;
    final List<Attribute> attributes;

    private MftRecord(long number, int sequence, int flags, long baseRecord, List<Attribute> attributes) {
        this.number = number;
        this.sequence = sequence;
        this.flags = flags;
        this.baseRecord = baseRecord;
        this.attributes = attributes;
    }

    static MftRecord parse(byte[] b, long number, long clusters, String resource, long diskOffset)
            throws VolumeFormatException {
        String structure = "MFT record " + number;
        String signature = new String(b, 0, 4, StandardCharsets.US_ASCII);
        if (!signature.equals("FILE")) {
            throw new VolumeFormatException(resource, diskOffset, structure, "signature: expected \"FILE\", found \""
                    + signature.replaceAll("[^\\x20-\\x7E]", "?") + "\"" + (signature.equals("BAAD")
                            ? " (marked bad by chkdsk)" : ""));
        }
        Fixups.apply(b, resource, diskOffset, structure);
        int usedSize = (int) Math.min(Le.u32(b, 24), Integer.MAX_VALUE);
        if (usedSize > b.length || usedSize < 48) {
            throw new VolumeFormatException(resource, diskOffset + 24, structure, "used size: expected 48.."
                    + b.length + ", found " + Le.u32(b, 24));
        }
        int first = Le.u16(b, 20);
        if (first < 42 || first > usedSize - 4) {
            throw new VolumeFormatException(resource, diskOffset + 20, structure, "first attribute offset: expected "
                    + "42.." + (usedSize - 4) + ", found " + first);
        }
        long base = Le.s64(b, 32) & 0xFFFFFFFFFFFFL;
        List<Attribute> attributes = new ArrayList<>();
        int at = first;
        while (true) {
            if (at > usedSize - 4) {
                throw new VolumeFormatException(resource, diskOffset + at, structure, "attribute list of the record: "
                        + "expected an end marker 0xFFFFFFFF within the used size " + usedSize + ", found none");
            }
            long type = Le.u32(b, at);
            if (type == 0xFFFFFFFFL) {
                break;
            }
            int length = (int) Math.min(Le.u32(b, at + 4), Integer.MAX_VALUE);
            if (length < 24 || (length & 7) != 0 || length > usedSize - at) {
                throw new VolumeFormatException(resource, diskOffset + at + 4, structure + ", attribute 0x"
                        + Long.toHexString(type), "record length: expected a multiple of 8 from 24 to " + (usedSize
                                - at) + ", found " + Le.u32(b, at + 4));
            }
            attributes.add(attribute(b, at, length, (int) type, clusters, resource, diskOffset, structure));
            at += length;
        }
        return new MftRecord(number, Le.u16(b, 16), Le.u16(b, 22), base, attributes);
    }

    private static Attribute attribute(byte[] b, int at, int length, int type, long clusters, String resource,
            long diskOffset, String structure) throws VolumeFormatException {
        String where = structure + ", attribute 0x" + Integer.toHexString(type);
        int nameLength = Le.u8(b, at + 9);
        int nameOffset = Le.u16(b, at + 10);
        if (nameLength > 0 && nameOffset + 2 * nameLength > length) {
            throw new VolumeFormatException(resource, diskOffset + at + 10, where, "name offset/length: expected "
                    + "inside the attribute's " + length + " bytes, found " + nameOffset + "+" + 2 * nameLength);
        }
        String name = Le.utf16(b, at + nameOffset, nameLength);
        int flags = Le.u16(b, at + 12);
        long offset = diskOffset + at;
        if (b[at + 8] == 0) {
            long valueLength = Le.u32(b, at + 16);
            int valueOffset = Le.u16(b, at + 20);
            if (valueOffset > length || valueLength > length - valueOffset) {
                throw new VolumeFormatException(resource, offset + 16, where, "resident value offset/length: "
                        + "expected inside the attribute's " + length + " bytes, found " + valueOffset + "+"
                        + valueLength);
            }
            byte[] value = new byte[(int) valueLength];
            System.arraycopy(b, at + valueOffset, value, 0, value.length);
            return new Attribute(type, name, flags, value, 0, -1, null, valueLength, valueLength, offset);
        }
        if (length < 64) {
            throw new VolumeFormatException(resource, offset + 4, where, "non-resident record length: expected at "
                    + "least 64, found " + length);
        }
        long startVcn = Le.s64(b, at + 16);
        long lastVcn = Le.s64(b, at + 24);
        int runsOffset = Le.u16(b, at + 32);
        long dataSize = Le.s64(b, at + 48);
        long initialized = Le.s64(b, at + 56);
        if (startVcn < 0 || startVcn > Runs.MAX_VCN || lastVcn < startVcn - 1 || lastVcn >= Runs.MAX_VCN) {
            throw new VolumeFormatException(resource, offset + 16, where, "start/last VCN: expected 0 <= start <= "
                    + "last + 1 < 2^40, found " + startVcn + "/" + lastVcn);
        }
        if (dataSize < 0 || initialized < 0 || initialized > dataSize) {
            throw new VolumeFormatException(resource, offset + 48, where, "data/initialized size: expected 0 <= "
                    + "initialized <= data size, found " + initialized + "/" + dataSize);
        }
        if (runsOffset < 64 || runsOffset >= length) {
            throw new VolumeFormatException(resource, offset + 32, where, "mapping pairs offset: expected 64.."
                    + (length - 1) + ", found " + runsOffset);
        }
        Runs runs = Runs.decode(b, at + runsOffset, at + length, startVcn, clusters, resource, diskOffset);
        if (runs.endVcn() != lastVcn + 1 && !(runs.count() == 0 && lastVcn <= 0)) {
            throw new VolumeFormatException(resource, offset + 24, where, "last VCN: expected the runs to end at "
                    + "it, found runs covering VCN " + startVcn + ".." + (runs.endVcn() - 1) + " but last VCN "
                    + lastVcn);
        }
        return new Attribute(type, name, flags, null, startVcn, lastVcn, runs, dataSize, initialized, offset);
    }

    boolean inUse() {
        return (flags & FLAG_IN_USE) != 0;
    }

    boolean directory() {
        return (flags & FLAG_DIRECTORY) != 0;
    }
}
