package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.copyHives;
import static org.hivescan.audit.AuditTestSupport.expected;
import static org.hivescan.audit.AuditTestSupport.hivexregedit;
import static org.hivescan.audit.AuditTestSupport.mergeOffline;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;
import static org.hivescan.audit.AuditTestSupport.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 2, second point: the --fix-offline changes, merged by an independent writer (hivexregedit) into a
 * copy of each scenario's hives, make every registry-fixable scenario READY, in both fix variants; and once
 * fixed, the host needs no further change.
 */
class FixRoundTripTest {

    static Stream<Arguments> scenariosAndVariants() {
        List<Arguments> out = new ArrayList<>();
        for (Path dir : AuditTestSupport.scenarios()) {
            out.add(Arguments.of(dir, false));
            out.add(Arguments.of(dir, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} tls12-only={1}")
    @MethodSource("scenariosAndVariants")
    void offlineFixMergedWithHivexMakesTheHostReady(Path scenario, boolean strict, @TempDir Path tmp)
            throws Exception {
        copyHives(scenario, tmp);
        Path fix = tmp.resolve("fix.reg");
        AuditTestSupport.Run before = run(args(tmp, strict, "--fix-offline", fix.toString()));
        assertThat(before.code()).as(before.err()).isIn(0, 1, 4);
        mergeOffline(fix, tmp);

        JsonNode after = run(args(tmp, strict, "--format", "json")).json();
        boolean fixable = expected(scenario).get("fixable_by_registry").asBoolean();
        if (fixable) {
            assertThat(after.get("overall").asText()).as("after the fix: %s", verdicts(after)).isEqualTo("READY");
        } else {
            // Not fixable by the registry alone: a prerequisite (KB3140245 evidence, .NET upgrade) stays unproven.
            assertThat(List.of(verdict(after, "W3"), verdict(after, "N4"))).as("prerequisites after the fix")
                    .anyMatch(v -> v.equals("UNKNOWN") || v.equals("FAIL") || v.equals("WARN"));
        }
        assertThat(plannedChanges(after)).as("changes still planned after the fix").isEmpty();
        if (strict && fixable) {
            assertThat(verdict(after, "S4")).as("legacy protocols after a tls12-only fix").isEqualTo("PASS");
            assertThat(verdict(after, "W4")).isIn("PASS", "N/A");
        }
    }

    /** The offline file touches only the control set in use: ControlSet001 of scenario 13 stays as it was. */
    @Test
    void offlineFixLeavesOtherControlSetsAlone(@TempDir Path tmp) throws Exception {
        copyHives(scenario("13-"), tmp);
        String cs1Before = hivexregedit("--export", tmp.resolve("SYSTEM").toString(), "\\ControlSet001");
        Path fix = tmp.resolve("fix.reg");
        run("audit", tmp.toString(), "--fix-offline", fix.toString());
        assertThat(mergeOffline(fix, tmp)).containsExactly("SYSTEM");
        assertThat(hivexregedit("--export", tmp.resolve("SYSTEM").toString(), "\\ControlSet001"))
                .isEqualTo(cs1Before);
        String cs2 = hivexregedit("--export", tmp.resolve("SYSTEM").toString(),
                "\\ControlSet002\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client");
        assertThat(cs2).contains("\"DisabledByDefault\"=dword:00000000").contains("\"Enabled\"=dword:00000001");
    }

    private static String[] args(Path dir, boolean strict, String... more) {
        List<String> a = new ArrayList<>(List.of("audit", dir.toString()));
        a.addAll(List.of(more));
        if (strict) {
            a.add("--tls12-only");
        }
        return a.toArray(String[]::new);
    }

    private static String verdict(JsonNode report, String id) {
        return AuditTestSupport.rule(report, id).get("verdict").asText();
    }

    private static List<String> plannedChanges(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : report.get("rules")) {
            r.get("changes").forEach(c -> out.add(r.get("id").asText() + " " + c.get("key").asText() + " "
                    + c.get("value").asText()));
        }
        return out;
    }
}
