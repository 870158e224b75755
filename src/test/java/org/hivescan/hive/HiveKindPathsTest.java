package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** One detection of what a hive is, and every spelling of its mount point accepted back as a path prefix. */
class HiveKindPathsTest {

    private static List<String> below(HiveKind kind, String path) {
        return kind.belowMount(KeyPath.split(path));
    }

    @Test
    void everyKindTakesItsPrintedMountPointAndTheShortForms() {
        assertThat(below(HiveKind.SYSTEM, "HKLM\\SYSTEM\\Select")).containsExactly("Select");
        assertThat(below(HiveKind.SYSTEM, "HKEY_LOCAL_MACHINE\\SYSTEM\\Select")).containsExactly("Select");
        assertThat(below(HiveKind.SYSTEM, "hklm\\system\\Select")).containsExactly("Select");
        // The library splits on \ only: a name may hold / (SCHANNEL Ciphers\AES 128/128).
        assertThat(below(HiveKind.SYSTEM, "hklm/system/Select")).containsExactly("hklm/system/Select");
        assertThat(below(HiveKind.SOFTWARE, "HKLM\\SOFTWARE\\Microsoft")).containsExactly("Microsoft");
        assertThat(below(HiveKind.NTUSER, "HKCU\\Software\\Microsoft")).containsExactly("Software", "Microsoft");
        assertThat(below(HiveKind.NTUSER, "HKEY_CURRENT_USER\\Control Panel")).containsExactly("Control Panel");
        assertThat(below(HiveKind.DEFAULT, "HKU\\.DEFAULT\\Control Panel")).containsExactly("Control Panel");
        assertThat(below(HiveKind.DEFAULT, "HKEY_USERS\\.DEFAULT\\Control Panel")).containsExactly("Control Panel");
        assertThat(below(HiveKind.SAM, "HKLM\\SAM\\SAM\\Domains")).containsExactly("SAM", "Domains");
        assertThat(below(HiveKind.SECURITY, "HKLM\\SECURITY\\Policy")).containsExactly("Policy");
        assertThat(below(HiveKind.COMPONENTS, "HKLM\\COMPONENTS\\DerivedData")).containsExactly("DerivedData");
        assertThat(below(HiveKind.BCD, "HKLM\\BCD00000000\\Objects")).containsExactly("Objects");
        assertThat(below(HiveKind.USRCLASS, "HKCU\\Software\\Classes\\CLSID")).containsExactly("CLSID");
        for (HiveKind kind : HiveKind.values()) {
            assertThat(below(kind, kind.mountPoint() + "\\A\\B")).as(kind.name()).containsExactly("A", "B");
            assertThat(below(kind, "A\\B")).as(kind.name()).containsExactly("A", "B");
        }
    }

    @Test
    void aRootKeyOfAnotherHiveIsDroppedAlone() {
        assertThat(below(HiveKind.SOFTWARE, "HKLM\\Microsoft")).containsExactly("Microsoft");
        assertThat(below(HiveKind.SOFTWARE, "HKCU\\Microsoft")).containsExactly("Microsoft");
    }

    @Test
    void softwareAndSystemHivesBuiltFromAUserTemplateAreMachineHives() throws Exception {
        List<Path> hosts;
        try (Stream<Path> s = Files.list(TestPaths.testdata().resolve("hosts"))) {
            hosts = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(hosts).hasSizeGreaterThanOrEqualTo(15);
        for (Path host : hosts) {
            for (String name : List.of("SOFTWARE", "SYSTEM")) {
                Path file = host.resolve(name);
                if (!Files.exists(file)) {
                    continue;
                }
                try (Hive hive = Hive.openWithoutReplay(file)) {
                    assertThat(hive.kind()).as(file.toString()).isEqualTo(HiveKind.valueOf(name));
                    String probe = name.equals("SOFTWARE") ? "Microsoft" : "Select";
                    assertThat(hive.key(hive.kind().mountPoint() + "\\" + probe)).as(file.toString()).isPresent();
                    assertThat(hive.key("HKLM\\" + name + "\\" + probe)).as(file.toString()).isPresent();
                }
            }
        }
    }

    @Test
    void aPathStartingWithTheHiveNameAsAuditPlansPrintItResolves() throws Exception {
        Path system = TestPaths.testdata().resolve("hosts/02-2008r2-after-article/SYSTEM");
        try (Hive hive = Hive.openWithoutReplay(system)) {
            KeyPath.Resolution r = KeyPath.resolveTyped(hive,
                    "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL").orElseThrow();
            assertThat(r.key().path()).endsWith("ControlSet001\\Control\\SecurityProviders\\SCHANNEL");
            assertThat(KeyPath.resolveTyped(hive, "SOFTWARE\\Select")).isEmpty();
        }
    }
}
