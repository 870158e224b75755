package org.hivescan.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hivescan.TestPaths;
import org.hivescan.hive.Hive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder discovery, log matching and the cross-checks of a host's two hives. */
class HostFolderTest {
    private static final Path HOSTS = TestPaths.testdata().resolve("hosts");

    @Test
    void findsTheHivesInTheFolderOrItsConfigFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("system"), "x");
        assertThat(HostFolder.find(dir)).hasValueSatisfying(f -> {
            assertThat(f.system()).isEqualTo(dir.resolve("system"));
            assertThat(f.software()).isNull();
        });
        Path deep = Files.createDirectories(dir.resolve("img/windows/System32/CONFIG"));
        Files.writeString(deep.resolve("SOFTWARE"), "x");
        assertThat(HostFolder.find(dir.resolve("img"))).hasValueSatisfying(f ->
                assertThat(f.software()).isEqualTo(deep.resolve("SOFTWARE")));
        assertThat(HostFolder.find(Files.createDirectory(dir.resolve("empty")))).isEmpty();
    }

    @Test
    void refusesTwoCandidatesForOneHive(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("SYSTEM"), "x");
        Files.writeString(dir.resolve("system"), "x");
        assertThatThrownBy(() -> HostFolder.find(dir)).isInstanceOf(HostFolder.AmbiguousFolderException.class)
                .hasMessageContaining("SYSTEM").hasMessageContaining("system")
                .satisfies(e -> assertThat(((HostFolder.AmbiguousFolderException) e).candidates()).hasSize(2));
    }

    @Test
    void refusesHivesAtBothLevels(@TempDir Path dir) throws Exception {
        Path dup = Files.createDirectory(dir.resolve("dup"));
        Files.writeString(dup.resolve("SYSTEM"), "x");
        Path config = Files.createDirectories(dup.resolve("Windows/System32/config"));
        Files.writeString(config.resolve("SOFTWARE"), "x");
        assertThatThrownBy(() -> HostFolder.find(dup)).isInstanceOf(HostFolder.AmbiguousFolderException.class)
                .hasMessageContaining(dup.resolve("SYSTEM").toString())
                .hasMessageContaining(config.resolve("SOFTWARE").toString());
    }

    @Test
    void logsMatchTheirHiveByNameInAnyCase() {
        Path system = Path.of("/x/SYSTEM");
        Path software = Path.of("/x/software");
        assertThat(HostFolder.logBelongsTo(Path.of("/y/system.LOG1"), system)).isTrue();
        assertThat(HostFolder.logBelongsTo(Path.of("/y/SYSTEMX.LOG1"), system)).isFalse();
        List<Path> logs = List.of(Path.of("SYSTEM.LOG1"), Path.of("SOFTWARE.LOG2"), Path.of("SAM.LOG1"));
        assertThat(HostFolder.logsOf(logs, software)).containsExactly(Path.of("SOFTWARE.LOG2"));
        assertThat(HostFolder.unmatchedLog(logs, system, software)).contains(Path.of("SAM.LOG1"));
    }

    @Test
    void hivesOfOneHostAgreeAndHivesOfTwoHostsDoNot() throws Exception {
        try (Hive system = Hives.open(HOSTS.resolve("05-2016-defaults/SYSTEM"));
                Hive software = Hives.open(HOSTS.resolve("05-2016-defaults/SOFTWARE"));
                Hive client = Hives.open(HOSTS.resolve("09-win11-productname-windows10/SOFTWARE"))) {
            assertThat(HostFolder.disagreements(system, software)).isEmpty();
            assertThat(HostFolder.disagreements(system, client))
                    .anySatisfy(m -> assertThat(m).contains("ProductType ServerNT").contains("InstallationType Client"));
        }
    }
}
