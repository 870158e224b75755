package org.hivescan.hive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.CellSpace;
import org.hivescan.format.Names;
import org.hivescan.format.ValueData;
import org.hivescan.format.ValueKey;

/**
 * One value of a key. The raw type and the exact data bytes are always available; the typed views interpret
 * them only when the type and length really fit, and otherwise return empty rather than pad or cut silently.
 */
public final class Value {
    private final Hive hive;
    private final ValueKey vk;

    Value(Hive hive, ValueKey vk) {
        this.hive = hive;
        this.vk = vk;
    }

    public Hive hive() {
        return hive;
    }

    /** The name; empty for the default value. */
    public String name() {
        return vk.name();
    }

    /** The raw 32-bit type. */
    public int type() {
        return vk.type();
    }

    /** The named type, or null for a number Windows does not define. */
    public RegistryType knownType() {
        return RegistryType.of(vk.type());
    }

    public String typeName() {
        return RegistryType.name(vk.type());
    }

    public int dataSize() {
        return vk.dataSize();
    }

    /** Offset of the value's vk cell, relative to the hive-bins data (add 4096 for the file offset). */
    public long offset() {
        return vk.offset();
    }

    /** The format layer's value key; internal to the library. */
    ValueKey node() {
        return vk;
    }

    /** The exact data bytes. */
    @SuppressWarnings("try") // the scope is held for its close(), which ends the operation
    public byte[] data() throws HiveFormatException {
        try (CellSpace.Scope op = hive.begin()) {
            hive.chargeData(0, vk);
            byte[] data = ValueData.read(hive.space(), vk, hive.options().maxValueBytes(), hive.diagnostics());
            hive.chargeData(data.length, vk);
            return data;
        }
    }

    /** REG_SZ, REG_EXPAND_SZ or REG_LINK as text up to the first NUL; empty for other types. */
    public Optional<String> asString() throws HiveFormatException {
        int t = vk.type();
        if (t != 1 && t != 2 && t != 6) {
            return Optional.empty();
        }
        return Optional.of(stringUpToNul(data()));
    }

    /** REG_MULTI_SZ as its list of strings (the list ends at the first empty string); empty for other types. */
    public Optional<List<String>> asMultiString() throws HiveFormatException {
        if (vk.type() != 7) {
            return Optional.empty();
        }
        return Optional.of(splitMulti(data()));
    }

    /** REG_DWORD (little-endian) or REG_DWORD_BIG_ENDIAN of exactly 4 bytes, as an unsigned number. */
    public Optional<Long> asDword() throws HiveFormatException {
        int t = vk.type();
        if ((t != 4 && t != 5) || vk.dataSize() != 4) {
            return Optional.empty();
        }
        return dword(t, data());
    }

    /** REG_QWORD of exactly 8 bytes. */
    public Optional<Long> asQword() throws HiveFormatException {
        if (vk.type() != 11 || vk.dataSize() != 8) {
            return Optional.empty();
        }
        return qword(data());
    }

    /** Data of a DWORD type read as an unsigned number, when it is exactly 4 bytes. */
    public static Optional<Long> dword(int type, byte[] data) {
        if ((type != 4 && type != 5) || data.length != 4) {
            return Optional.empty();
        }
        ByteOrder order = type == 4 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        return Optional.of(ByteBuffer.wrap(data).order(order).getInt() & 0xFFFF_FFFFL);
    }

    /** QWORD data, when it is exactly 8 bytes. */
    public static Optional<Long> qword(byte[] data) {
        return data.length == 8 ? Optional.of(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong())
                : Optional.empty();
    }

    /** A DWORD or QWORD that is well-formed, as a number; anything else is empty. */
    public Optional<Long> asNumber() throws HiveFormatException {
        Optional<Long> dword = asDword();
        return dword.isPresent() ? dword : asQword();
    }

    /** REG_SZ-style text: UTF-16LE up to the first NUL, unpaired surrogates kept. */
    public static String stringUpToNul(byte[] data) {
        String all = Names.utf16(data, 0, data.length);
        int nul = all.indexOf('\0');
        return nul >= 0 ? all.substring(0, nul) : all;
    }

    /** REG_MULTI_SZ items, ending at the first empty string. */
    public static List<String> splitMulti(byte[] data) {
        String all = Names.utf16(data, 0, data.length);
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < all.length()) {
            int nul = all.indexOf('\0', start);
            String item = nul < 0 ? all.substring(start) : all.substring(start, nul);
            if (item.isEmpty()) {
                break;
            }
            out.add(item);
            if (nul < 0) {
                break;
            }
            start = nul + 1;
        }
        return out;
    }
}
