package org.hivescan.audit.model;

import java.util.List;
import java.util.Map;

/**
 * The check of a rule: a kind and its parameters, flat so that a rule file reads naturally and every parameter
 * is documented in one place. Each kind reads only the parameters it needs (see rules.yaml's header).
 *
 * <p>Generic parameters: {@code hive}, {@code path} (SYSTEM paths start with CurrentControlSet), {@code value},
 * {@code views} (native or both), {@code equals}, {@code mask}, {@code match}, {@code op}, {@code number},
 * {@code tiers}, {@code pattern}, {@code version}, {@code ignoreCase}, {@code whenAbsent}, {@code whenMismatch},
 * {@code whenInvalid}, {@code absentMessage}, {@code appliesIf}, {@code checks}, {@code fix}.
 *
 * <p>TLS parameters: {@code mode}; SChannel {@code protocols}, {@code roles}, {@code compareWith},
 * {@code unsupportedSeverity}; WinHTTP {@code view}, {@code requireBits}, {@code builds}, {@code packagePrefix},
 * {@code installedState}, {@code packagesPath}, {@code winnersPath}, {@code winnersComponent},
 * {@code minVersions}, {@code legacyBits}, {@code tls13Bit}, {@code tls13From}; OS {@code outOfSupport},
 * {@code below}. Update evidence (§9.2, §9.6): {@code packageByBuild} (CBS package prefix per build, overriding
 * {@code packagePrefix}), {@code evidenceBuilds} (builds whose number alone is evidence), {@code clientFailBuilds}
 * (builds where a client installation cannot have the protocol at all).
 */
public record CheckSpec(
        String kind,
        String mode,
        String hive,
        String path,
        String value,
        String views,
        String equals,
        String mask,
        String match,
        String op,
        String number,
        List<Tier> tiers,
        String pattern,
        String version,
        Boolean ignoreCase,
        String whenAbsent,
        String whenMismatch,
        String whenInvalid,
        String absentMessage,
        CheckSpec appliesIf,
        List<CheckSpec> checks,
        FixSpec fix,
        List<String> protocols,
        List<String> roles,
        String compareWith,
        String unsupportedSeverity,
        String view,
        String requireBits,
        List<String> builds,
        String packagePrefix,
        String installedState,
        String packagesPath,
        String winnersPath,
        String winnersComponent,
        Map<String, String> minVersions,
        String legacyBits,
        String tls13Bit,
        String tls13From,
        List<String> outOfSupport,
        String below,
        Map<String, String> packageByBuild,
        List<String> evidenceBuilds,
        List<String> clientFailBuilds) {

    public CheckSpec {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        checks = checks == null ? List.of() : List.copyOf(checks);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        roles = roles == null ? List.of() : List.copyOf(roles);
        builds = builds == null ? List.of() : List.copyOf(builds);
        minVersions = minVersions == null ? Map.of() : Map.copyOf(minVersions);
        outOfSupport = outOfSupport == null ? List.of() : List.copyOf(outOfSupport);
        packageByBuild = packageByBuild == null ? Map.of() : Map.copyOf(packageByBuild);
        evidenceBuilds = evidenceBuilds == null ? List.of() : List.copyOf(evidenceBuilds);
        clientFailBuilds = clientFailBuilds == null ? List.of() : List.copyOf(clientFailBuilds);
    }
}
