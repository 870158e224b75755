package org.hivescan.report.explore;

import java.util.HexFormat;
import java.util.List;
import org.hivescan.hive.Value;

/**
 * A value's data as searchable text: strings decoded (REG_MULTI_SZ items one per line), numbers in decimal and
 * hex, anything else (REG_BINARY and unknown types) as contiguous lower-case hex, so "deadbeef" finds those bytes.
 */
final class DataText {
    private DataText() {
    }

    static String of(int type, byte[] data) {
        return switch (type) {
            case 1, 2, 6 -> Value.stringUpToNul(data);
            case 7 -> String.join("\n", Value.splitMulti(data));
            case 4, 5 -> Value.dword(type, data).map(DataText::number).orElseGet(() -> hex(data));
            case 11 -> Value.qword(data).map(DataText::number).orElseGet(() -> hex(data));
            default -> hex(data);
        };
    }

    private static String number(long n) {
        return Long.toUnsignedString(n) + " 0x" + Long.toHexString(n);
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }
}
