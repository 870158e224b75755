package org.hivescan.report;

import java.util.HexFormat;
import org.hivescan.hive.RegistryType;
import java.util.List;
import java.util.Optional;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Value;

/**
 * A value's data as people read it, the way {@code reg query} shows it. Data that does not fit its type (a
 * DWORD of 2 bytes, say) is shown as hex with a note instead of being padded or cut. Hive text is escaped for
 * the terminal.
 */
public final class ValueText {
    private static final int MAX_SHOWN_BYTES = 4096;

    private ValueText() {
    }

    public static String of(Value value) throws HiveFormatException {
        // Unknown type numbers show as hex, as REG_NONE does.
        switch (value.knownType() == null ? RegistryType.REG_NONE : value.knownType()) {
            case REG_SZ, REG_EXPAND_SZ, REG_LINK -> {
                return Escaping.terminal(value.asString().orElse(""));
            }
            case REG_MULTI_SZ -> {
                List<String> items = value.asMultiString().orElse(List.of());
                return Escaping.terminal(String.join("\\0", items));
            }
            case REG_DWORD, REG_DWORD_BIG_ENDIAN -> {
                Optional<Long> n = value.asDword();
                return n.isPresent() ? String.format("0x%08x (%d)", n.get(), n.get()) : mismatched(value, 4);
            }
            case REG_QWORD -> {
                Optional<Long> n = value.asQword();
                return n.isPresent() ? String.format("0x%016x (%s)", n.get(), Long.toUnsignedString(n.get()))
                        : mismatched(value, 8);
            }
            default -> {
                return hex(value.data());
            }
        }
    }

    private static String mismatched(Value value, int expected) throws HiveFormatException {
        return hex(value.data()) + " (" + value.dataSize() + " bytes; " + value.typeName() + " expects "
                + expected + ")";
    }

    /** Space-separated hex, cut after a few kilobytes with a note saying how much was left out. */
    public static String hex(byte[] data) {
        int shown = Math.min(data.length, MAX_SHOWN_BYTES);
        StringBuilder sb = new StringBuilder(shown * 3);
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(hex.toHexDigits(data[i]));
        }
        if (shown < data.length) {
            sb.append(" ... (").append(data.length - shown).append(" more bytes)");
        }
        return sb.toString();
    }
}
