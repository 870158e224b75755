package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hive commands end to end, in-process: output, exit codes and formats. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String fixture(String name) {
        return TestPaths.fixtures().resolve(name + ".hive").toString();
    }

    private static String corpus(String path) {
        return TestPaths.corpus().resolve(path).toString();
    }

    @Test
    void infoShowsHeaderFactsAndCounts() throws Exception {
        Cli.Result r = Cli.run("info", fixture("seq-mismatch"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Version:           1.5").contains("Dirty:             yes")
                .contains("primary 5, secondary 4").contains("Checksum:          OK");
        JsonNode json = JSON.readTree(Cli.run("info", "--json", fixture("ri")).out());
        assertThat(json.get("key_count").asLong()).isEqualTo(636);
        assertThat(json.get("value_count").asLong()).isEqualTo(6);
        assertThat(json.get("dirty").asBoolean()).isFalse();
        assertThat(json.get("version").asText()).isEqualTo("1.5");
    }

    @Test
    void infoFindsLogsBesideTheHiveCaseInsensitively() throws Exception {
        JsonNode json = JSON.readTree(Cli.run("info", "--json",
                corpus("mkorman90_regipy/regipy_tests/data/SYSTEM_B")).out());
        assertThat(json.get("logs").toString()).contains("SYSTEM_B.LOG1").contains("SYSTEM_B.LOG2");
        assertThat(json.get("kind").asText()).isEqualTo("SYSTEM");
    }

    @Test
    void lsListsSubkeysThenValues() {
        Cli.Result r = Cli.run("ls", fixture("names"), "CASE", "-l");
        assertThat(r.exit()).isZero();
        String out = r.out();
        assertThat(out.indexOf("Alpha\\")).isPositive().isLessThan(out.indexOf("CamelCase"));
        assertThat(out).contains("REG_DWORD").contains("0x00000001 (1)").contains("class \"CaseClass\"")
                .contains("security O:");
    }

    @Test
    void lsRecursiveJsonCoversTheSubtree() throws Exception {
        JsonNode json = JSON.readTree(Cli.run("ls", fixture("deep"), "L01\\L02", "-r", "--json").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(39);
        assertThat(json.get(0).get("subkeys").get(0).asText()).isEqualTo("L03");
    }

    @Test
    void systemPathsResolveCurrentControlSetAndHklmPrefix() {
        String hive = corpus("mkorman90_regipy/regipy_tests/data/SYSTEM");
        Cli.Result r = Cli.run("cat", hive, "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName",
                "ComputerName");
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).isEqualTo("WKS-WIN732BITA");
        assertThat(r.err()).contains("ControlSet001");
        assertThat(Cli.run("cat", hive, "hklm/system/select", "current").out().trim()).isEqualTo("0x00000001 (1)");
    }

    @Test
    void anUnreadableClassNameIsADiagnosticAndTheExportGoesOn() throws Exception {
        // testdata/hardening/offset-overflow: ClassFar's class name lies past 4 GiB (see OverflowLimitsTest).
        String hive = TestPaths.testdata().resolve("hardening/offset-overflow.hive").toString();
        Cli.Result lenient = Cli.run("export", hive, "--format", "jsonl");
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out()).contains("\"name\":\"ClassFar\"").contains("\"name\":\"ValueFar\"");
        assertThat(lenient.err()).contains("class name: offset 0xFFFFF000 points outside");
        assertThat(Cli.run("ls", "-l", hive, "ClassFar").exit()).isZero();
    }

    @Test
    void usageWithoutACommandListsEveryCommand() {
        // Only the named command is registered with picocli; without one, usage must still list them all.
        for (String[] args : List.of(new String[0], new String[] {"--debug"}, new String[] {"--help", "info"})) {
            Cli.Result r = Cli.run(args);
            assertThat(r.out() + r.err()).as(String.join(" ", args))
                    .contains("info ").contains("export ").contains("verify ").contains("audit ").contains("rules ");
        }
    }

    @Test
    void aSystemHiveBuiltFromATemplateNamedDefaultIsStillSystem() throws Exception {
        // testdata/hosts are made from hivex's empty hive, whose stored name is ...\DEFAULT.
        String hive = TestPaths.testdata().resolve("hosts/01-2008r2-as-installed/SYSTEM").toString();
        assertThat(Cli.run("info", hive).out()).contains("Stored file name:  \\??\\UNC\\trick\\tmp\\DEFAULT")
                .contains("Kind:              SYSTEM");
        Cli.Result r = Cli.run("ls", hive, "HKLM\\SYSTEM\\Select");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("HKEY_LOCAL_MACHINE\\SYSTEM\\Select");
    }

    @Test
    void catRawWritesTheExactBytes() throws Exception {
        Cli.Result r = Cli.run("cat", fixture("values"), "Types", "sz-garbage", "--raw");
        assertThat(r.exit()).isZero();
        assertThat(r.bytes()).isEqualTo(HexFormat.of().parseHex("610062000000deadbeef01"));
        JsonNode json = JSON.readTree(Cli.run("cat", fixture("values"), "Types", "dword-2bytes", "--json").out());
        assertThat(json.get("data_hex").asText()).isEqualTo("3412");
        assertThat(json.has("number")).isFalse();
        assertThat(Cli.run("cat", fixture("values"), "Types", "dword-2bytes").out()).contains("REG_DWORD expects 4");
    }

    @Test
    void exitCodesFollowTheContract(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("cat", fixture("names"), "NoSuchKey").exit()).isEqualTo(1);
        assertThat(Cli.run("cat", fixture("names"), "Case", "nosuchvalue").exit()).isEqualTo(1);
        assertThat(Cli.run("ls", fixture("names"), "No\\Such").exit()).isEqualTo(1);
        assertThat(Cli.run("export", fixture("names"), "--format", "xml").exit()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
        Path notHive = Files.writeString(dir.resolve("not-a-hive"), "hello world, this is plainly no hive at all"
                .repeat(20));
        Cli.Result r = Cli.run("info", notHive.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("not-a-hive").contains("0x0").contains("regf");
        assertThat(Cli.run("info", dir.resolve("missing").toString()).exit()).isEqualTo(3);
        assertThat(Cli.run("verify", fixture("names")).exit()).isZero();
        assertThat(Cli.run("verify", fixture("unsorted")).exit()).isEqualTo(1);
    }

    @Test
    void strictStopsAtTheFirstProblemWhileLenientReadsOn() {
        Cli.Result lenient = Cli.run("export", fixture("count-overflow"), "--format", "canon");
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.err()).contains("lh element count").contains("0x114E");
        Cli.Result strict = Cli.run("export", fixture("count-overflow"), "--format", "canon", "--strict");
        assertThat(strict.exit()).isEqualTo(3);
        assertThat(strict.err()).contains("lh element count");
    }

    @Test
    void regExportIsUtf16WithBomAndLossless(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("values.reg");
        assertThat(Cli.run("export", fixture("values"), "--format", "reg", "-o", out.toString()).exit()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xFE);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\HIVE]")
                .contains("\"sz\"=\"hello\"\r\n")
                .contains("\"dword\"=dword:12345678\r\n")
                .contains("\"dword-2bytes\"=hex(4):34,12\r\n")
                .contains("\"sz-garbage\"=hex(1):61,00,62,00,00,00,de,ad,be,ef,01\r\n")
                .contains("\"unknown-type\"=hex(ffff0012):2a,00,00,00,00,00,00,00\r\n")
                .contains("\"binary\"=hex:00,01,02,03")
                .contains("@=\"default value\"");
        Path utf8 = dir.resolve("names.reg");
        Cli.run("export", fixture("names"), "--format", "reg", "--encoding", "utf-8", "--root", "HKEY_CURRENT_USER\\X",
                "-o", utf8.toString());
        assertThat(Files.readString(utf8)).contains("[HKEY_CURRENT_USER\\X\\Latin1\\café]");
    }

    @Test
    void jsonLinesAreOneKeyPerLineAndKeepRawBytes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("names.jsonl");
        assertThat(Cli.run("export", fixture("names"), "--format", "jsonl", "-o", out.toString()).exit()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("\\p{ASCII}*"));
        JsonNode unicode = lines.stream().map(CliTest::parse).filter(n -> n.get("name").asText().equals("Unicode"))
                .findFirst().orElseThrow();
        JsonNode lone = null;
        for (JsonNode v : unicode.get("values")) {
            if (v.get("name").asText().equals("hi\ud800there")) {
                lone = v;
            }
        }
        assertThat(lone).isNotNull();
        assertThat(lone.get("data_hex").asText()).isEqualTo("00d80000");
        assertThat(lines).anySatisfy(l -> assertThat(l).containsIgnoringCase("\\ud800"));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void canonExportOfASubtreeKeepsFullPaths() {
        Cli.Result r = Cli.run("export", fixture("deep"), "L01\\L02\\L03\\L04\\L05\\L06\\L07\\L08\\L09\\L10\\L11\\L12"
                + "\\L13\\L14\\L15\\L16\\L17\\L18\\L19\\L20\\L21\\L22\\L23\\L24\\L25\\L26\\L27\\L28\\L29\\L30\\L31\\L32"
                + "\\L33\\L34\\L35\\L36\\L37\\L38\\L39", "--format", "canon");
        assertThat(r.out()).startsWith("K\tL01\\L02\\").contains("V\tL01\\L02\\L03").contains("\tbottom\t1\t");
        assertThat(r.out().lines()).hasSize(5);
    }
}
