package org.hivescan.audit;

import java.util.List;

/** The data of a planned registry change. */
public sealed interface RegData {
    /** REG_DWORD. */
    record Dword(long value) implements RegData {
    }

    /** REG_SZ. */
    record Text(String value) implements RegData {
    }

    /** REG_MULTI_SZ. */
    record MultiText(List<String> values) implements RegData {
        public MultiText {
            values = List.copyOf(values);
        }
    }

    /** Delete the value. */
    record Delete() implements RegData {
    }

    /** As shown in a report: "REG_DWORD 0x00000A00", "delete". */
    default String describe() {
        if (this instanceof Dword d) {
            return String.format("REG_DWORD 0x%08X", d.value());
        }
        if (this instanceof Text t) {
            return "REG_SZ \"" + t.value() + "\"";
        }
        if (this instanceof MultiText m) {
            return "REG_MULTI_SZ " + String.join(", ", m.values());
        }
        return "delete";
    }
}
