package org.hivescan.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * A self-relative SECURITY_DESCRIPTOR (MS-DTYP 2.4.6) rendered as SDDL (MS-DTYP 2.5.1): owner, group, DACL and
 * SACL. Only what registry keys use is named; anything else is written in the numeric forms SDDL allows. Every
 * offset inside the descriptor is checked, so a damaged descriptor yields a clear exception, never an index error.
 */
public final class SecurityDescriptor {
    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int SE_SACL_PRESENT = 0x0010;
    private static final int SE_DACL_AUTO_INHERIT_REQ = 0x0100;
    private static final int SE_SACL_AUTO_INHERIT_REQ = 0x0200;
    private static final int SE_DACL_AUTO_INHERITED = 0x0400;
    private static final int SE_SACL_AUTO_INHERITED = 0x0800;
    private static final int SE_DACL_PROTECTED = 0x1000;
    private static final int SE_SACL_PROTECTED = 0x2000;

    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("S-1-1-0", "WD"), Map.entry("S-1-3-0", "CO"), Map.entry("S-1-3-1", "CG"),
            Map.entry("S-1-5-2", "NU"), Map.entry("S-1-5-4", "IU"), Map.entry("S-1-5-6", "SU"),
            Map.entry("S-1-5-7", "AN"), Map.entry("S-1-5-9", "ED"), Map.entry("S-1-5-10", "PS"),
            Map.entry("S-1-5-11", "AU"), Map.entry("S-1-5-12", "RC"), Map.entry("S-1-5-18", "SY"),
            Map.entry("S-1-5-19", "LS"), Map.entry("S-1-5-20", "NS"), Map.entry("S-1-5-32-544", "BA"),
            Map.entry("S-1-5-32-545", "BU"), Map.entry("S-1-5-32-546", "BG"), Map.entry("S-1-5-32-547", "PU"),
            Map.entry("S-1-5-32-548", "AO"), Map.entry("S-1-5-32-549", "SO"), Map.entry("S-1-5-32-550", "PO"),
            Map.entry("S-1-5-32-551", "BO"), Map.entry("S-1-5-32-552", "RE"), Map.entry("S-1-5-32-555", "RD"),
            Map.entry("S-1-5-32-558", "MU"), Map.entry("S-1-5-32-559", "LU"), Map.entry("S-1-15-2-1", "AC"),
            Map.entry("S-1-16-4096", "LW"), Map.entry("S-1-16-8192", "ME"), Map.entry("S-1-16-12288", "HI"),
            Map.entry("S-1-16-16384", "SI"));

    private static final Map<Integer, String> ACCESS = Map.of(
            0xF003F, "KA", 0x20019, "KR", 0x20006, "KW", 0x10000000, "GA", 0x80000000, "GR",
            0x40000000, "GW", 0x20000000, "GX", 0x000F01FF, "FA");

    private final ByteBuffer sd;

    private SecurityDescriptor(byte[] raw) {
        this.sd = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Renders the descriptor as SDDL, e.g. {@code O:BAG:SYD:PAI(A;CI;KA;;;SY)}. */
    public static String toSddl(byte[] raw) {
        if (raw.length < 20) {
            throw new IllegalArgumentException("security descriptor of " + raw.length + " bytes; expected >= 20");
        }
        return new SecurityDescriptor(raw).sddl();
    }

    private String sddl() {
        int control = sd.getShort(2) & 0xFFFF;
        StringBuilder out = new StringBuilder();
        int owner = sd.getInt(4);
        int group = sd.getInt(8);
        if (owner != 0) {
            out.append("O:").append(sidAlias(owner));
        }
        if (group != 0) {
            out.append("G:").append(sidAlias(group));
        }
        if ((control & SE_DACL_PRESENT) != 0) {
            out.append("D:").append(aclFlags(control, SE_DACL_PROTECTED, SE_DACL_AUTO_INHERIT_REQ,
                    SE_DACL_AUTO_INHERITED));
            acl(sd.getInt(16), out);
        }
        if ((control & SE_SACL_PRESENT) != 0) {
            out.append("S:").append(aclFlags(control, SE_SACL_PROTECTED, SE_SACL_AUTO_INHERIT_REQ,
                    SE_SACL_AUTO_INHERITED));
            acl(sd.getInt(12), out);
        }
        return out.toString();
    }

    private static String aclFlags(int control, int protectedBit, int requestBit, int inheritedBit) {
        return ((control & protectedBit) != 0 ? "P" : "") + ((control & requestBit) != 0 ? "AR" : "")
                + ((control & inheritedBit) != 0 ? "AI" : "");
    }

    private void acl(int at, StringBuilder out) {
        if (at == 0) {
            out.append("NO_ACCESS_CONTROL");
            return;
        }
        need(at, 8);
        int count = sd.getShort(at + 4) & 0xFFFF;
        int ace = at + 8;
        for (int i = 0; i < count; i++) {
            need(ace, 8);
            int size = sd.getShort(ace + 2) & 0xFFFF;
            if (size < 8) {
                throw new IllegalArgumentException("ACE at " + ace + " has size " + size + "; expected >= 8");
            }
            need(ace, size);
            out.append('(').append(ace(ace, size)).append(')');
            ace += size;
        }
    }

    private String ace(int at, int size) {
        int type = sd.get(at) & 0xFF;
        int flags = sd.get(at + 1) & 0xFF;
        int mask = sd.getInt(at + 4);
        String typeName = switch (type) {
            case 0 -> "A";
            case 1 -> "D";
            case 2 -> "AU";
            case 0x11 -> "ML";
            default -> String.format("0x%X", type);
        };
        String sid = size >= 16 && type <= 3 || type == 0x11 ? sidAlias(at + 8) : "";
        return typeName + ';' + aceFlags(flags) + ';' + access(mask) + ";;;" + sid;
    }

    private static String aceFlags(int flags) {
        StringBuilder s = new StringBuilder();
        String[] names = {"OI", "CI", "NP", "IO", "ID"};
        for (int bit = 0; bit < names.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                s.append(names[bit]);
            }
        }
        if ((flags & 0x40) != 0) {
            s.append("SA");
        }
        if ((flags & 0x80) != 0) {
            s.append("FA");
        }
        return s.toString();
    }

    private static String access(int mask) {
        String known = ACCESS.get(mask);
        return known != null ? known : String.format("0x%x", mask);
    }

    private String sidAlias(int at) {
        String sid = sid(at);
        return WELL_KNOWN.getOrDefault(sid, sid);
    }

    private String sid(int at) {
        need(at, 8);
        int subCount = sd.get(at + 1) & 0xFF;
        need(at, 8 + 4 * subCount);
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (sd.get(at + i) & 0xFF);
        }
        StringBuilder s = new StringBuilder("S-").append(sd.get(at) & 0xFF).append('-').append(authority);
        for (int i = 0; i < subCount; i++) {
            s.append('-').append(Integer.toUnsignedString(sd.getInt(at + 8 + 4 * i)));
        }
        return s.toString();
    }

    private void need(int at, int count) {
        if (at < 0 || count < 0 || at > sd.capacity() - count) {
            throw new IllegalArgumentException("security descriptor field at " + at + " (+" + count
                    + " bytes) lies past its end (" + sd.capacity() + " bytes)");
        }
    }
}
