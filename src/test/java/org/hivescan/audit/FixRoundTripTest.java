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
 * The consistency law (§9.1, §9.2), on every scenario and both fix variants: the --fix-offline files, merged as
 * they are by an independent writer (hivexregedit) into copies of the hives, give a host that is READY exactly
 * when the first audit said registry changes suffice; otherwise the second audit is not READY and still names
 * what blocks it. A fix never turns a blocker into READY.
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
    void offlineFixGivesReadyExactlyWhenTheAuditSaidTheRegistrySuffices(Path scenario, boolean strict,
            @TempDir Path tmp) throws Exception {
        copyHives(scenario, tmp);
        Path fixDir = tmp.resolve("fix");
        AuditTestSupport.Run first = run(args(tmp, strict, "--format", "json", "--fix-offline", fixDir.toString()));
        assertThat(first.code()).as(first.err()).isIn(0, 1, 4);
        JsonNode before = first.json();
        boolean suffices = before.get("fixable_by_registry").asBoolean();
        assertThat(suffices).as("fixable_by_registry against the hand-written expected.json")
                .isEqualTo(expected(scenario).get("fixable_by_registry").asBoolean());
        List<String> blockersBefore = blockerIds(before);
        if (!suffices) {
            assertThat(blockersBefore).as("a host the registry cannot fix names its blockers").isNotEmpty();
        }
        mergeOffline(fixDir, tmp);

        JsonNode after = run(args(tmp, strict, "--format", "json")).json();
        String overall = after.get("overall").asText();
        if (suffices) {
            assertThat(overall).as("after the fix: %s", verdicts(after)).isEqualTo("READY");
            assertThat(plannedChanges(after)).as("changes still planned after the fix").isEmpty();
        } else {
            assertThat(overall).as("a blocker never turns READY: %s", verdicts(after)).isNotEqualTo("READY");
            assertThat(blockerIds(after)).as("still names what blocks it").isNotEmpty()
                    .containsAnyElementsOf(blockersBefore);
        }
        if (strict && suffices) {
            assertThat(verdict(after, "S4")).as("legacy protocols after a tls12-only fix").isEqualTo("PASS");
            assertThat(verdict(after, "W4")).isIn("PASS", "N/A");
        }
    }

    /** The offline file touches only the control set in use: ControlSet001 of scenario 13 stays as it was. */
    @Test
    void offlineFixLeavesOtherControlSetsAlone(@TempDir Path tmp) throws Exception {
        copyHives(scenario("13-"), tmp);
        String cs1Before = hivexregedit("--export", tmp.resolve("SYSTEM").toString(), "\\ControlSet001");
        Path fix = tmp.resolve("fix");
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

    /** "W3" from "W3 UNKNOWN: ...". */
    private static List<String> blockerIds(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("fix_blockers").forEach(b -> out.add(b.asText().split(" ")[0]));
        return out;
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
