package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** ls lists one key unless -r; data on stdout and diagnostics on stderr; cat shows REG_MULTI_SZ line by line. */
class ListingAndStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = TestPaths.corpus().resolve("mkorman90_regipy/regipy_tests/data/SYSTEM")
            .toString();
    private static final String SYSTEM_B = TestPaths.corpus()
            .resolve("mkorman90_regipy/regipy_tests/data/SYSTEM_B").toString();

    @Test
    void lsWithoutRecursiveListsTheOneKeyItWasGiven() throws Exception {
        Cli.Result r = Cli.run("ls", SYSTEM, "ControlSet001\\services");
        assertThat(r.exit()).isZero();
        List<String> headers = r.out().lines().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
        assertThat(headers).containsExactly("HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\services");
        long subkeyLines = r.out().lines().filter(l -> l.startsWith("    ") && l.endsWith("\\")).count();
        // FACTS.tsv (read with independent tools): 467 services in the current control set.
        assertThat(subkeyLines).isEqualTo(467);
        JsonNode json = JSON.readTree(Cli.run("ls", SYSTEM, "ControlSet001\\services", "--json").out());
        assertThat(json.get("subkeys").size()).isEqualTo(467);
        long recursiveHeaders = Cli.run("ls", SYSTEM, "ControlSet001\\services\\Tcpip", "-r").out().lines()
                .filter(l -> l.startsWith("HKEY_LOCAL_MACHINE")).count();
        assertThat(recursiveHeaders).isGreaterThan(1);
    }

    @Test
    void verifyJsonIsPureJsonEvenOnADirtyHive() throws Exception {
        Cli.Result r = Cli.run("verify", "--json", SYSTEM_B);
        assertThat(r.out()).startsWith("{");
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("file").asText()).endsWith("SYSTEM_B");
        assertThat(r.err()).contains("hivescan: recovery: ");
        assertThat(Cli.run("verify", SYSTEM_B).out()).doesNotContain("recovery:");
    }

    @Test
    void catPrintsAMultiStringOneItemPerLine() {
        // make_fixtures.py writes multi-sz as multi_sz("one", "two", "three").
        Cli.Result r = Cli.run("cat", TestPaths.fixtures().resolve("values.hive").toString(), "Types", "multi-sz");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("one\ntwo\nthree\n");
    }
}
