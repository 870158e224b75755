package org.hivescan.audit.checks;

import java.util.List;
import java.util.Locale;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.Reading;
import org.hivescan.audit.model.Tables;
import org.hivescan.bytes.HiveFormatException;

/**
 * The SChannel effective state of a protocol for a role (§2c), from {@code Enabled}, {@code DisabledByDefault}
 * and the OS default table (§2b). Only well-formed REG_DWORDs count: a value of another type is read by SChannel
 * as missing, and S5 reports it.
 */
final class Schannel {
    static final String ENABLED_VALUE = "Enabled";
    static final String DBD_VALUE = "DisabledByDefault";

    private Schannel() {
    }

    /** The effective states of §2c, plus UNKNOWN when the OS default is needed but the build is unknown. */
    enum State {
        ENABLED, DISABLED_BY_DEFAULT, DISABLED, NOT_SUPPORTED, UNKNOWN;

        String label() {
            return name();
        }
    }

    /**
     * One protocol and role.
     *
     * @param explicit whether the values decided the state (otherwise the OS default did)
     * @param configuredButUnsupported the values say ENABLED on a build that does not support the protocol
     * @param defaultCode the §2b default for this build (E, D, NS), or null when unknown
     * @param rowLabel the §2b row used, or null
     */
    record ProtocolState(String protocol, String role, State state, boolean explicit,
            boolean configuredButUnsupported, Reading enabled, Reading disabledByDefault, String defaultCode,
            String rowLabel, String path) {

        /** e.g. "ENABLED (DisabledByDefault=0, Enabled=1)" or "DISABLED_BY_DEFAULT (OS default for 7601 ...)". */
        String describe(Integer build) {
            if (configuredButUnsupported) {
                return "configured ENABLED but not supported on build " + build + " (" + values() + ")";
            }
            if (explicit) {
                return state.label() + " (" + values() + ")";
            }
            if (state == State.UNKNOWN) {
                return "UNKNOWN (no Enabled/DisabledByDefault decides it, and the OS default needs the build)";
            }
            return state.label() + " (" + values() + "; OS default for build " + build + ", " + rowLabel + ")";
        }

        private String values() {
            String e = shown(enabled);
            String d = shown(disabledByDefault);
            if (e == null && d == null) {
                return "no Enabled/DisabledByDefault values";
            }
            return String.join(", ", java.util.stream.Stream.of(d, e).filter(java.util.Objects::nonNull).toList());
        }

        private static String shown(Reading r) {
            if (!r.present()) {
                return null;
            }
            try {
                return r.valueName() + (r.isDword() ? "=" + hexOrDec(r.dword().orElseThrow())
                        : " " + r.typeName() + " (ignored: not a REG_DWORD)");
            } catch (HiveFormatException e) {
                return r.valueName() + " unreadable";
            }
        }

        private static String hexOrDec(long v) {
            return v > 9 ? String.format("0x%X", v) : Long.toString(v);
        }
    }

    /** The key of a protocol and role, under the rule file's SCHANNEL\Protocols root. */
    static String path(Tables t, String protocol, String role) {
        return t.schannelRoot() + "\\" + protocol + "\\" + role;
    }

    /** Computes the state and records both values as evidence, with the default assumed when one was. */
    static ProtocolState state(AuditContext ctx, String protocol, String role) throws HiveFormatException {
        String path = path(ctx.tables(), protocol, role);
        Reading e = ctx.peek(HiveRole.SYSTEM, path, ENABLED_VALUE);
        Reading d = ctx.peek(HiveRole.SYSTEM, path, DBD_VALUE);
        Tables.SchannelRow row = row(ctx.tables(), ctx.build());
        String def = defaultCode(row, protocol, role);
        ProtocolState s = decide(protocol, role, e, d, def, row, path);
        record(ctx, s);
        return s;
    }

    /** §2c: Enabled=0 disables; DisabledByDefault decides next; otherwise the OS default (§2b) applies. */
    private static ProtocolState decide(String protocol, String role, Reading e, Reading d, String def,
            Tables.SchannelRow row, String path) throws HiveFormatException {
        Long ev = e.dword().orElse(null);
        Long dv = d.dword().orElse(null);
        State explicit = null;
        if (ev != null && ev == 0) {
            explicit = State.DISABLED;
        } else if (dv != null && dv != 0) {
            explicit = State.DISABLED_BY_DEFAULT;
        } else if (dv != null) {
            explicit = State.ENABLED;
        }
        String label = row == null ? null : row.label();
        if (explicit != null) {
            boolean unsupported = explicit == State.ENABLED && "NS".equals(def);
            State st = unsupported ? State.NOT_SUPPORTED : explicit;
            return new ProtocolState(protocol, role, st, true, unsupported, e, d, def, label, path);
        }
        return new ProtocolState(protocol, role, fromCode(def), false, false, e, d, def, label, path);
    }

    private static void record(AuditContext ctx, ProtocolState s) {
        if (s.explicit()) {
            ctx.log(s.enabled().evidence());
            ctx.log(s.disabledByDefault().evidence());
            return;
        }
        String assumed = s.state() == State.UNKNOWN ? "the OS default, which is unknown here"
                : s.state().label() + ", the §2b default for build " + ctx.build() + " (" + s.rowLabel() + ")";
        String why = s.enabled().isDword() ? "Enabled alone does not change the default (§2c)"
                : "neither value is set (§2c)";
        ctx.log(s.enabled().assuming(assumed, why));
        ctx.log(s.disabledByDefault().assuming(assumed, why));
    }

    static Tables.SchannelRow row(Tables t, Integer build) {
        if (build == null) {
            return null;
        }
        Tables.SchannelRow found = null;
        for (Tables.SchannelRow r : t.schannelDefaults()) {
            if (build >= r.from()) {
                found = r;
            }
        }
        return found;
    }

    /** E, D or NS for a protocol and role in a row; null when the row or protocol is not in the table. */
    static String defaultCode(Tables.SchannelRow row, String protocol, String role) {
        if (row == null) {
            return null;
        }
        for (var entry : row.protocols().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(protocol)) {
                List<String> pair = entry.getValue();
                return pair.get("server".equalsIgnoreCase(role) ? 1 : 0).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static State fromCode(String code) {
        if (code == null) {
            return State.UNKNOWN;
        }
        return switch (code) {
            case "E" -> State.ENABLED;
            case "D" -> State.DISABLED_BY_DEFAULT;
            case "NS" -> State.NOT_SUPPORTED;
            default -> State.UNKNOWN;
        };
    }

    /** Why a state is UNKNOWN: the build is unknown, or the §2b table has no default for it. */
    static String unknownReason(AuditContext ctx, ProtocolState s) {
        if (ctx.build() == null) {
            return ctx.buildUnknownReason();
        }
        return "no value sets it and the §2b table has no default for " + s.protocol() + " on build " + ctx.build();
    }
}
