package org.hivescan.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Filetime;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * JSON Lines: one object per key, with its values, written as the walk goes so memory stays flat however large
 * the hive is. Every value carries its exact bytes as hex, so the export is lossless.
 *
 * <p>The objects are the ones {@link Json#writeKey} writes (field for field and byte for byte; a test holds the
 * two together), but written straight to bytes: a large hive's export is hundreds of megabytes, and going through
 * a general JSON generator cost four times the walk. Two things repeat from key to key and are escaped once: the
 * path of the parent, kept per depth, and the security descriptor, kept per security cell.
 */
public final class JsonLinesExport implements HiveVisitor {
    private static final int MAX_CACHED_DESCRIPTORS = 4096;
    /** The separator of a path's names, a backslash, as JSON escapes it. */
    private static final byte[] ESCAPED_BACKSLASH = {'\\', '\\'};

    private final JsonBytes json;
    /** The escaped mount point: the path shown for the root, and for a first-level key with an empty name. */
    private final byte[] mountPath;
    /**
     * The escaped display paths of the current key's ancestors, as mount point, backslash and the names joined by
     * backslashes ({@link RegExport#fullPath}): pathEnds[d] is where the path of start depth + d ends.
     */
    private byte[] path = new byte[256];
    private int[] pathEnds = new int[64];
    private final int startDepth;
    private final Map<Long, byte[]> descriptors = new HashMap<>();
    private long timesFiletime;
    private byte[] timesText;

    private JsonLinesExport(OutputStream out, Key start, String mountPoint) {
        this.json = new JsonBytes(out);
        this.startDepth = start.depth();
        byte[] mount = JsonBytes.quoted(mountPoint);
        this.mountPath = Arrays.copyOfRange(mount, 1, mount.length - 1);
        // Below the root, the prefix is always mount + "\" + path, even where the path is empty (a first-level
        // key named ""): its children are then "mount\\child", as fullPath gives them.
        byte[] quoted = JsonBytes.quoted(start.depth() == 0 ? mountPoint : mountPoint + "\\" + start.path());
        append(0, quoted, 1, quoted.length - 2);
        pathEnds[0] = quoted.length - 2;
    }

    public static void write(Hive hive, Key start, String mountPoint, OutputStream out)
            throws HiveFormatException, IOException {
        JsonLinesExport export = new JsonLinesExport(out, start, mountPoint);
        try {
            hive.walkFrom(start, export);
        } finally {
            // What was written before a strict read stopped stays written, as with any streaming export.
            export.json.flush();
        }
    }

    @Override
    public boolean wantsValues() {
        return false;
    }

    @Override
    public boolean key(Key key) throws HiveFormatException, IOException {
        int level = key.depth() - startDepth;
        if (level >= pathEnds.length) {
            pathEnds = Arrays.copyOf(pathEnds, Math.max(pathEnds.length * 2, level + 1));
        }
        if (level > 0) {
            byte[] name = JsonBytes.quoted(key.name());
            int from = pathEnds[level - 1];
            append(from, ESCAPED_BACKSLASH, 0, 2);
            append(from + 2, name, 1, name.length - 2);
            pathEnds[level] = from + 2 + name.length - 2;
        }
        writeKey(key, level);
        return true;
    }

    private void append(int at, byte[] bytes, int from, int count) {
        if (at + count > path.length) {
            path = Arrays.copyOf(path, Math.max(path.length * 2, at + count));
        }
        System.arraycopy(bytes, from, path, at, count);
    }

    private void writeKey(Key key, int level) throws HiveFormatException, IOException {
        // Every read that can stop the export (strict mode, a spent budget) comes before the first byte of the
        // line, so the output is always whole lines; reading a value's data only ever becomes an "error" field.
        String className = key.className().orElse(null);
        byte[] security = descriptor(key);
        List<Value> values = key.values();
        // fullPath shows the mount point alone where the path is empty: the root, or a first-level key named "".
        boolean emptyPath = key.depth() == 0 || key.depth() == 1 && key.name().isEmpty();
        json.ascii("{\"path\":\"");
        if (emptyPath) {
            json.raw(mountPath);
        } else {
            json.raw(path, 0, pathEnds[level]);
        }
        json.ascii("\",\"name\":").string(key.name())
                .raw(times(key.lastWrittenFiletime()))
                .ascii(",\"class\":").string(className)
                .ascii(",\"flags\":").number(key.flags());
        if (key.isSymbolicLink()) {
            json.ascii(",\"symbolic_link\":true");
        }
        json.ascii(",\"security\":").raw(security)
                .ascii(",\"subkey_count\":").number(key.subkeyCount())
                .ascii(",\"value_count\":").number(key.valueCount())
                .ascii(",\"offset\":").number(key.offset())
                .ascii(",\"values\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.ascii(',');
            }
            writeValue(values.get(i));
        }
        json.ascii("]}\n");
    }

    /** The byte position of the first NUL UTF-16 unit at or after {@code from}, or the end of the whole units. */
    private static int nulUnit(byte[] data, int from) {
        int end = data.length & ~1;
        for (int i = from; i < end; i += 2) {
            if (data[i] == 0 && data[i + 1] == 0) {
                return i;
            }
        }
        return end;
    }

    /**
     * The two time fields, formatted once per distinct time: keys written together share their time (all of a
     * fresh install's do), and formatting a date is most of a key's cost once the rest is bytes.
     */
    private byte[] times(long filetime) {
        if (timesText == null || filetime != timesFiletime) {
            timesFiletime = filetime;
            timesText = JsonBytes.asciiBytes(",\"last_written\":\"" + Filetime.format(filetime)
                    + "\",\"last_written_filetime\":\"" + Long.toUnsignedString(filetime) + "\"");
        }
        return timesText;
    }

    /** The key's descriptor as quoted JSON (or null), escaped once per security cell. */
    private byte[] descriptor(Key key) throws HiveFormatException {
        long cell = key.securityDescriptorOffset();
        byte[] cached = descriptors.get(cell);
        if (cached == null) {
            cached = JsonBytes.quoted(key.securityDescriptor().orElse(null));
            if (descriptors.size() < MAX_CACHED_DESCRIPTORS) {
                descriptors.put(cell, cached);
            }
        }
        return cached;
    }

    private void writeValue(Value v) throws HiveFormatException, IOException {
        json.ascii("{\"name\":").string(v.name())
                .ascii(",\"type\":").number(Integer.toUnsignedLong(v.type()))
                .ascii(",\"type_name\":").string(v.typeName())
                .ascii(",\"size\":").number(v.dataSize());
        byte[] data;
        try {
            data = v.data();
        } catch (HiveFormatException e) {
            v.hive().diagnostics().report(e); // counted, so the command can say the export is incomplete
            json.ascii(",\"error\":").string(e.getMessage()).ascii('}');
            return;
        }
        json.ascii(",\"data_hex\":").hex(data);
        writeTypedView(v, data);
        json.ascii('}');
    }

    private void writeTypedView(Value v, byte[] data) throws IOException {
        switch (v.type()) {
            // The strings are written from the UTF-16LE data as they stand, up to the first NUL unit, as
            // Value#stringUpToNul and Value#splitMulti read them.
            case 1, 2, 6 -> json.ascii(",\"string\":").utf16(data, 0, nulUnit(data, 0));
            case 7 -> {
                json.ascii(",\"strings\":[");
                int end = data.length & ~1;
                for (int start = 0, item = 0; start < end; item++) {
                    int nul = nulUnit(data, start);
                    if (nul == start) {
                        break;
                    }
                    json.ascii(item > 0 ? "," : "").utf16(data, start, nul);
                    start = nul + 2;
                }
                json.ascii(']');
            }
            case 4, 5 -> {
                Optional<Long> n = Value.dword(v.type(), data);
                if (n.isPresent()) {
                    json.ascii(",\"number\":").number(n.get());
                }
            }
            case 11 -> {
                Optional<Long> n = Value.qword(data);
                if (n.isPresent()) {
                    json.ascii(",\"number\":\"").ascii(Long.toUnsignedString(n.get())).ascii('"');
                }
            }
            default -> {
            }
        }
    }
}
