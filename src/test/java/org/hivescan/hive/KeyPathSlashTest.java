package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hivescan.TestPaths;
import org.hivescan.cli.Main;
import org.hivescan.recovery.HiveLoader;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.junit.jupiter.api.Test;

/**
 * Key names may contain {@code /} (SChannel's {@code Ciphers\AES 128/128}): library paths split on {@code \} only,
 * and the CLI takes {@code /} as a separator only for a path without any {@code \} that does not resolve as typed.
 */
class KeyPathSlashTest {
    private static final String CIPHERS = "ControlSet001\\Control\\SecurityProviders\\SCHANNEL\\Ciphers";

    private static Path system() {
        return TestPaths.testdata().resolve("hosts/16-2016-aes-ciphers-disabled/SYSTEM");
    }

    @Test
    void libraryPathsSplitOnBackslashOnly() throws Exception {
        assertThat(KeyPath.split("a\\b/c\\\\d")).containsExactly("a", "b/c", "d");
        try (LoadedHive h = HiveLoader.open(system(), LoadOptions.defaults())) {
            Key aes = h.hive().key(CIPHERS + "\\AES 128/128").orElseThrow();
            assertThat(aes.name()).isEqualTo("AES 128/128");
            assertThat(aes.value("Enabled").orElseThrow().asDword()).contains(0L);
            assertThat(h.hive().key(CIPHERS + "\\AES 128")).as("no key named 'AES 128'").isEmpty();
            assertThat(h.hive().key("ControlSet001/Control")).as("/ is not a separator in the library").isEmpty();
        }
    }

    @Test
    void typedPathsTryTheLiteralNameFirstAndSlashOnlyWithoutBackslash() throws Exception {
        try (LoadedHive h = HiveLoader.open(system(), LoadOptions.defaults())) {
            assertThat(KeyPath.resolveTyped(h.hive(), CIPHERS + "\\AES 256/256")).isPresent();
            assertThat(KeyPath.resolveTyped(h.hive(), "ControlSet001/Control/SecurityProviders")).isPresent();
            assertThat(KeyPath.resolveTyped(h.hive(), "ControlSet001\\Control/SecurityProviders"))
                    .as("a path with a \\ is never re-split on /").isEmpty();
        }
    }

    @Test
    void lsReachesAKeyWhoseNameHoldsASlash() {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"ls", system().toString(), CIPHERS + "\\AES 128/128"}, out,
                new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Ciphers\\AES 128/128").contains("Enabled");
    }
}
