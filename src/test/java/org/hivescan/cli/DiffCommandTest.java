package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diff on a host before and after its change. Scenario 02 is scenario 01 after the article's steps; the
 * expectations come from the difference of their .reg texts. A changed value is made here with hivexregedit,
 * an independent writer.
 */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HOSTS = TestPaths.testdata().resolve("hosts");
    private static final String BEFORE = HOSTS.resolve("01-2008r2-as-installed/SYSTEM").toString();
    private static final String AFTER = HOSTS.resolve("02-2008r2-after-article/SYSTEM").toString();
    private static final String PROTOCOLS = "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\SecurityProviders"
            + "\\SCHANNEL\\Protocols\\";

    @Test
    void showsWhatTheArticlesStepsAdded() {
        Cli.Result r = Cli.run("diff", BEFORE, AFTER);
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).contains("+ key\t" + PROTOCOLS + "TLS 1.2\\Client",
                "+ value\t" + PROTOCOLS + "TLS 1.2\\Client\tEnabled\tREG_DWORD\t0x00000001 (1)",
                "+ value\t" + PROTOCOLS + "TLS 1.1\\Client\tDisabledByDefault\tREG_DWORD\t0x00000000 (0)");
        // SYSTEM.reg adds TLS 1.1, TLS 1.1\Client, TLS 1.2, TLS 1.2\Client, TLS 1.2\Server and two values in each
        // of the three leaves; nothing is removed or changed.
        assertThat(lines.get(lines.size() - 1)).isEqualTo("5 key(s) added, 0 removed; 6 value(s) added, 0 removed, "
                + "0 changed");
        Cli.Result back = Cli.run("diff", AFTER, BEFORE);
        assertThat(back.out()).contains("- key\t" + PROTOCOLS + "TLS 1.2\\Server")
                .endsWith("0 key(s) added, 5 removed; 0 value(s) added, 6 removed, 0 changed\n");
    }

    @Test
    void identicalHivesExitZero() {
        Cli.Result r = Cli.run("diff", BEFORE, BEFORE);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("identical: no key or value added, removed or changed\n");
    }

    @Test
    void aChangedValueShowsBeforeAndAfterInTextAndJson(@TempDir Path dir) throws Exception {
        Path changed = dir.resolve("SYSTEM");
        Files.copy(Path.of(BEFORE), changed);
        changed.toFile().setWritable(true);
        Path reg = Files.writeString(dir.resolve("change.reg"), "Windows Registry Editor Version 5.00\n\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n\"Current\"=dword:00000002\n", StandardCharsets.US_ASCII);
        Process merge = new ProcessBuilder("hivexregedit", "--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SYSTEM",
                changed.toString(), reg.toString()).redirectErrorStream(true).start();
        assertThat(merge.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(merge.exitValue()).as(new String(merge.getInputStream().readAllBytes())).isZero();

        Cli.Result text = Cli.run("diff", BEFORE, changed.toString());
        assertThat(text.out()).contains("~ value\tHKEY_LOCAL_MACHINE\\SYSTEM\\Select\tCurrent\tREG_DWORD\t"
                + "0x00000001 (1)\t->\tREG_DWORD\t0x00000002 (2)\n");
        JsonNode json = JSON.readTree(Cli.run("diff", BEFORE, changed.toString(), "--json").out());
        assertThat(json.get("identical").asBoolean()).isFalse();
        assertThat(json.get("summary").get("values_changed").asInt()).isEqualTo(1);
        JsonNode change = json.get("values_changed").get(0);
        assertThat(change.get("key").asText()).isEqualTo("HKEY_LOCAL_MACHINE\\SYSTEM\\Select");
        assertThat(change.get("name").asText()).isEqualTo("Current");
        assertThat(change.get("before").get("data_hex").asText()).isEqualTo("01000000");
        assertThat(change.get("after").get("data_hex").asText()).isEqualTo("02000000");
    }

    @Test
    void aSubtreeCanBeCompared() {
        Cli.Result r = Cli.run("diff", BEFORE, AFTER, "ControlSet002");
        assertThat(r.exit()).isZero(); // the article's steps touched ControlSet001 only
    }
}
