package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostGrouperTest {
    private final List<String> hashed = new ArrayList<>();
    private final HostGrouper grouper = new HostGrouper(c -> {
        hashed.add(c.source().toString());
        return c.source().toString().contains("other") ? "b".repeat(64) : "a".repeat(64);
    });

    private static HiveCandidate hive(SourceRef ref, ContentKind kind, String folder, String prefix,
            String computer, String fingerprint) {
        return new HiveCandidate(ref, kind, 8192, fingerprint, null, List.of(), folder, prefix, computer, null);
    }

    private static HiveCandidate file(String path, ContentKind kind, String computer, String fingerprint) {
        String folder = path.substring(0, path.lastIndexOf('/'));
        String name = path.substring(path.lastIndexOf('/') + 1);
        return hive(SourceRef.file(path), kind, folder, Discovery.prefixOf(name), computer, fingerprint);
    }

    @Test
    void namesComeFromComputerNameElseTheFolderAboveConfigElseTheArchive() {
        assertThat(HostGrouper.nameFromFolder(file("/f/web01/Windows/System32/config/SOFTWARE",
                ContentKind.SOFTWARE, null, "x"))).isEqualTo("web01");
        assertThat(HostGrouper.nameFromFolder(hive(SourceRef.zipMember("/f/dc02.zip", "C%3A/Windows/System32/config/"
                + "SOFTWARE"), ContentKind.SOFTWARE, "/f/dc02.zip!C%3A/Windows/System32/config", null, null, "x")))
                .isEqualTo("dc02");
        assertThat(HostGrouper.nameFromFolder(hive(SourceRef.zipMember("/f/Collection-SQL7.zip",
                "uploads/auto/C%3A/Windows/System32/config/SOFTWARE"), ContentKind.SOFTWARE,
                "/f/Collection-SQL7.zip!uploads/auto/C%3A/Windows/System32/config", null, null, "x")))
                .isEqualTo("Collection-SQL7");
        assertThat(HostGrouper.nameFromFolder(file("/f/pairs/SRV9-SOFTWARE.hiv", ContentKind.SOFTWARE, null, "x")))
                .isEqualTo("SRV9");
        Grouping g = grouper.group(List.of(file("/f/h/SYSTEM", ContentKind.SYSTEM, "REAL-NAME", "1"),
                file("/f/h/SOFTWARE", ContentKind.SOFTWARE, null, "2")));
        assertThat(g.hosts()).singleElement().extracting(HostPlan::nameHint).isEqualTo("REAL-NAME");
    }

    @Test
    void prefixesPairWithinAFolderAndHostIdsAreStable() {
        List<HiveCandidate> in = List.of(file("/f/p/A_SYSTEM", ContentKind.SYSTEM, "A", "1"),
                file("/f/p/B_SYSTEM", ContentKind.SYSTEM, "B", "2"),
                file("/f/p/a-software.hiv", ContentKind.SOFTWARE, null, "3"),
                file("/f/p/B-SOFTWARE.hiv", ContentKind.SOFTWARE, null, "4"));
        Grouping g = grouper.group(in);
        assertThat(g.hosts()).hasSize(2).allMatch(p -> p.system() != null && p.software() != null);
        assertThat(g.hosts().get(0).system().prefix()).isEqualToIgnoringCase(g.hosts().get(0).software().prefix());
        assertThat(g.ambiguities()).isEmpty();
        assertThat(grouper.group(List.of(in.get(3), in.get(2), in.get(1), in.get(0))).hosts()).isEqualTo(g.hosts());
    }

    @Test
    void twoSystemHivesInAFolderAreReportedAndNeverMerged() {
        Grouping g = grouper.group(List.of(file("/f/x/SYSTEM", ContentKind.SYSTEM, "ONE", "1"),
                file("/f/x/SYSTEM.old", ContentKind.SYSTEM, "TWO", "2"),
                file("/f/x/SOFTWARE", ContentKind.SOFTWARE, null, "3")));
        assertThat(g.hosts()).hasSize(3).allMatch(p -> p.sources().size() == 1);
        assertThat(g.ambiguities()).singleElement().asString().contains("/f/x").contains("2 SYSTEM")
                .contains("2 machines (ONE, TWO)");
    }

    @Test
    void duplicatesNeedEqualFingerprintsAndAreConfirmedBySha256OnlyThen() {
        Grouping g = grouper.group(List.of(file("/f/a/SYSTEM", ContentKind.SYSTEM, "A", "same"),
                file("/f/b/SYSTEM", ContentKind.SYSTEM, "A", "same"),
                file("/f/other/SYSTEM", ContentKind.SYSTEM, "A", "same"),
                file("/f/c/SYSTEM", ContentKind.SYSTEM, "C", "unique")));
        assertThat(hashed).containsExactlyInAnyOrder("/f/a/SYSTEM", "/f/b/SYSTEM", "/f/other/SYSTEM");
        HostPlan a = g.hosts().get(0);
        HostPlan b = g.hosts().get(1);
        assertThat(a.duplicateOf()).isNull();
        assertThat(b.duplicateOf()).isEqualTo(a.hostId());
        assertThat(g.hosts().get(2).duplicateOf()).isNull(); // same fingerprint, different SHA-256
        assertThat(g.hosts().get(3).duplicateOf()).isNull();
    }

    @Test
    void unreadableFilesAndOtherHivesDoNotDisturbPairing() {
        HiveCandidate broken = new HiveCandidate(SourceRef.file("/f/h/SYSTEM.bad"), ContentKind.UNREADABLE, -1, null,
                null, List.of(), "/f/h", null, null, "truncated");
        Grouping g = grouper.group(List.of(file("/f/h/SYSTEM", ContentKind.SYSTEM, "H", "1"),
                file("/f/h/SOFTWARE", ContentKind.SOFTWARE, null, "2"), broken,
                file("/f/h/NTUSER.DAT", ContentKind.OTHER, null, "3")));
        assertThat(g.hosts()).hasSize(2);
        assertThat(g.hosts()).filteredOn(p -> p.error() != null).singleElement()
                .extracting(HostPlan::error).isEqualTo("truncated");
        assertThat(g.skipped()).containsExactly("/f/h/NTUSER.DAT");
    }
}
