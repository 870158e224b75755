package org.hivescan.audit.checks;

import java.util.ArrayList;
import java.util.List;
import org.hivescan.audit.HiveRole;
import org.hivescan.audit.HostFacts;
import org.hivescan.audit.Verdict;
import org.hivescan.audit.model.Numbers;
import org.hivescan.audit.model.CheckSpec;

/**
 * {@code os_build}: the host facts behind every OS default.
 * <ul>
 * <li>{@code facts} (OS1): build, edition, installation type, architecture and control set were read; an unknown
 * build makes every OS-default decision UNKNOWN (§8 OS1);</li>
 * <li>{@code support} (X3): builds out of support get a banner; TLS 1.3 needs 20348 (§8 X3).</li>
 * </ul>
 */
final class OsCheck implements CheckKind {
    private static final int TLS13_FROM = 20348;

    @Override
    public List<String> modes() {
        return List.of("facts", "support");
    }

    @Override
    public Outcome evaluate(CheckSpec spec, AuditContext ctx) {
        return spec.mode().equals("facts") ? facts(ctx) : support(spec, ctx);
    }

    private Outcome facts(AuditContext ctx) {
        ctx.factsEvidence().forEach(ctx::log);
        HostFacts f = ctx.facts();
        List<String> parts = new ArrayList<>();
        parts.add(f.windowsName() == null ? "Windows version unknown" : f.windowsName());
        parts.add(f.build() == null ? "build unknown" : "build " + f.buildText() + " (" + f.buildSource() + ")");
        if (f.installationType() != null) {
            parts.add(f.installationType());
        }
        if (f.editionId() != null) {
            parts.add(f.editionId());
        }
        parts.add(f.architecture() == null ? "architecture unknown" : f.architecture());
        boolean system = ctx.registry().has(HiveRole.SYSTEM);
        if (system) {
            parts.add(f.controlSet() == null ? "no usable Select\\Current" : "control set " + f.controlSet());
        }
        String detail = String.join(", ", parts);
        if (f.build() == null) {
            return Outcome.of(Verdict.UNKNOWN, detail + "; " + ctx.buildUnknownReason());
        }
        if (system && f.controlSet() == null) {
            return Outcome.of(Verdict.UNKNOWN, detail + "; SYSTEM rules cannot be evaluated");
        }
        return Outcome.of(Verdict.PASS, detail);
    }

    private Outcome support(CheckSpec spec, AuditContext ctx) {
        Integer build = ctx.build();
        if (build == null) {
            return Outcome.of(Verdict.UNKNOWN, ctx.buildUnknownReason());
        }
        boolean below = spec.below() != null && build < Numbers.parse(spec.below());
        boolean listed = spec.outOfSupport().contains(build.toString());
        String name = ctx.facts().windowsName() == null ? "build " + build : ctx.facts().windowsName()
                + " (build " + build + ")";
        String tls13 = build < TLS13_FROM ? "; TLS 1.3 is not possible below build " + TLS13_FROM : "";
        if (below || listed) {
            return Outcome.of(Verdict.WARN, name + " is out of support" + tls13);
        }
        return Outcome.of(Verdict.PASS, name + " is not in the out-of-support list" + tls13);
    }
}
