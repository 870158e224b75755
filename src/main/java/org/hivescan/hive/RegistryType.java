package org.hivescan.hive;

/** The value types Windows defines (§Key value Data types). A value keeps its raw type even when it is none of these. */
public enum RegistryType {
    REG_NONE(0), REG_SZ(1), REG_EXPAND_SZ(2), REG_BINARY(3), REG_DWORD(4), REG_DWORD_BIG_ENDIAN(5), REG_LINK(6),
    REG_MULTI_SZ(7), REG_RESOURCE_LIST(8), REG_FULL_RESOURCE_DESCRIPTOR(9), REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11);

    private final int code;

    RegistryType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The named type for a raw code, or null for any other number. */
    public static RegistryType of(int raw) {
        return raw >= 0 && raw < values().length ? values()[raw] : null;
    }

    /** The type's name, or its number in hex for unknown types. */
    public static String name(int raw) {
        RegistryType t = of(raw);
        return t != null ? t.name() : String.format("0x%08X", raw);
    }
}
