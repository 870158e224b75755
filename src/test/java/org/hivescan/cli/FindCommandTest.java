package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * find on the bundled hosts (expectations from their .reg text), the fixtures (from make_fixtures.py) and a
 * corpus SYSTEM (from corpus/FACTS.tsv, read with independent tools).
 */
class FindCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST_02 = TestPaths.testdata().resolve("hosts/02-2008r2-after-article").toString();
    private static final String SCHANNEL = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\SecurityProviders"
            + "\\SCHANNEL\\Protocols\\";

    @Test
    void keyNamesAreMatchedCaseInsensitively() {
        Cli.Result r = Cli.run("find", HOST_02 + "/SYSTEM", "tls 1.2", "--keys");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).containsExactly("key\t" + SCHANNEL + "TLS 1.2");
    }

    @Test
    void valueNamesAreMatchedInBothRegistryViews() {
        Cli.Result r = Cli.run("find", HOST_02 + "/SOFTWARE", "DefaultSecureProtocols", "--values");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        // SOFTWARE.reg of scenario 02: DefaultSecureProtocols=dword:00000a00 in the native and WOW64 WinHttp keys.
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("value\t").contains("\\WinHttp\t")
                .endsWith("\tDefaultSecureProtocols\tREG_DWORD\t2560 0xa00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\\Wow6432Node\\"));
    }

    @Test
    void dataIsMatchedAsTextNumbersAndHex() {
        String corpusSystem = TestPaths.corpus().resolve("mkorman90_regipy/regipy_tests/data/SYSTEM").toString();
        Cli.Result name = Cli.run("find", corpusSystem, "WKS-WIN732BITA", "--data");
        assertThat(name.out()).contains("data\tHKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\ComputerName"
                + "\\ComputerName\tComputerName\tREG_SZ\tWKS-WIN732BITA\n");
        String values = TestPaths.fixtures().resolve("values.hive").toString();
        // make_fixtures.py: "binary" holds bytes(range(16)); "dword" holds 0x12345678.
        assertThat(Cli.run("find", values, "0a0b0c", "--data").out()).contains("\tbinary\tREG_BINARY\t"
                + "000102030405060708090a0b0c0d0e0f");
        assertThat(Cli.run("find", values, "305419896", "--data").out()).contains("\tdword\tREG_DWORD\t"
                + "305419896 0x12345678");
    }

    @Test
    void jsonListsEveryHitAndNothingFoundExitsOne() throws Exception {
        Cli.Result r = Cli.run("find", HOST_02 + "/SYSTEM", "^enabled$", "--regex", "--values", "--json");
        assertThat(r.exit()).isZero();
        JsonNode hits = JSON.readTree(r.out());
        // SYSTEM.reg of scenario 02: "Enabled" in FipsAlgorithmPolicy of both control sets, TLS 1.1\Client,
        // TLS 1.2\Client and TLS 1.2\Server.
        assertThat(hits.size()).isEqualTo(5);
        assertThat(hits.get(3).get("path").asText()).isEqualTo(SCHANNEL + "TLS 1.2\\Server");
        assertThat(hits.get(0).get("match").asText()).isEqualTo("value");
        Cli.Result none = Cli.run("find", HOST_02 + "/SYSTEM", "no such text anywhere");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
    }
}
