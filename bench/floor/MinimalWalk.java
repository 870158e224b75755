// The JVM floor for bench/walk.sh: the least a Java program can do and still walk the whole hive the way
// hivex_walk does (every key name, every value name, every value's data, REG_SZ/MULTI_SZ decoded). It checks
// nothing: no bin map, no cell sizes, no signatures, no budgets, no diagnostics, and a damaged hive will crash it.
// It exists only to show how much of hivescan's time is the cold JVM itself (start-up, interpreter, JIT) rather
// than hivescan's own work. Not part of hivescan; compiled and run by bench/walk.sh.
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

public final class MinimalWalk {
    private static MappedByteBuffer hive;
    private static long keys;
    private static long values;
    private static long sink;

    private static int int32(long rel) {
        return hive.getInt((int) (rel + 4096));
    }

    private static long uint32(long rel) {
        return int32(rel) & 0xFFFF_FFFFL;
    }

    private static int uint16(long rel) {
        return hive.getShort((int) (rel + 4096)) & 0xFFFF;
    }

    private static byte[] copy(long rel, int count) {
        byte[] out = new byte[count];
        hive.get((int) (rel + 4096), out, 0, count);
        return out;
    }

    private static String utf16(byte[] raw) {
        char[] units = new char[raw.length / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) ((raw[2 * i] & 0xFF) | (raw[2 * i + 1] & 0xFF) << 8);
        }
        return new String(units);
    }

    private static String name(long rel, int length, boolean latin1) {
        byte[] raw = copy(rel, length);
        return latin1 ? new String(raw, StandardCharsets.ISO_8859_1) : utf16(raw);
    }

    private static void key(long nk) {
        keys++;
        sink += name(nk + 80, uint16(nk + 76), (uint16(nk + 6) & 0x20) != 0).length();
        int valueCount = int32(nk + 40);
        long valueList = uint32(nk + 44);
        for (int i = 0; i < valueCount; i++) {
            value(uint32(valueList + 4 + 4L * i));
        }
        if (int32(nk + 24) > 0) {
            list(uint32(nk + 32));
        }
    }

    private static void list(long rel) {
        int signature = uint16(rel + 4);
        int count = uint16(rel + 6);
        if (signature == 0x6972) { // "ri": a list of lists
            for (int i = 0; i < count; i++) {
                list(uint32(rel + 8 + 4L * i));
            }
            return;
        }
        int stride = signature == 0x696C ? 4 : 8; // "li" has bare offsets; "lf" and "lh" add a hint
        for (int i = 0; i < count; i++) {
            key(uint32(rel + 8 + (long) stride * i));
        }
    }

    private static void value(long vk) {
        values++;
        int size = int32(vk + 8);
        int type = int32(vk + 16);
        sink += name(vk + 24, uint16(vk + 6), (uint16(vk + 20) & 1) != 0).length();
        byte[] data;
        if (size < 0) {
            data = copy(vk + 12, Math.min(size & 0x7FFF_FFFF, 4));
        } else if (size > 16344) {
            data = bigData(uint32(vk + 12), size);
        } else {
            data = copy(uint32(vk + 12) + 4, size);
        }
        sink += data.length;
        if (type == 1 || type == 2 || type == 6) {
            String text = utf16(data);
            int nul = text.indexOf('\0');
            sink += (nul < 0 ? text : text.substring(0, nul)).length();
        } else if (type == 7) {
            for (String item : utf16(data).split("\0")) {
                sink += item.length();
            }
        }
    }

    private static byte[] bigData(long db, int size) {
        int segments = uint16(db + 6);
        long list = uint32(db + 8);
        byte[] out = new byte[size];
        for (int i = 0, done = 0; i < segments && done < size; i++) {
            int n = Math.min(16344, size - done);
            hive.get((int) (uint32(list + 4 + 4L * i) + 4 + 4096), out, done, n);
            done += n;
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]))) {
            hive = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        hive.order(ByteOrder.LITTLE_ENDIAN);
        key(hive.getInt(36) & 0xFFFF_FFFFL);
        System.out.printf("keys %d values %d%n", keys, values);
        System.err.println("sink " + sink);
    }
}
