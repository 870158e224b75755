package org.hivescan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hivescan.audit.AuditTestSupport.run;
import static org.hivescan.audit.AuditTestSupport.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .reg files of --fix and --fix-offline: format, rule comments, both views, only what the host needs, and
 * the values the issue names (0xAA0 by default, 0xA00 with --tls12-only).
 */
class FixFileTest {
    private static final Set<String> RULE_IDS = Set.of("OS1", "S1", "S2", "S3", "S4", "S5", "W1", "W2", "W3", "W4",
            "N1", "N2", "N3", "N4", "C1", "C2", "C3", "C4", "X1", "X2", "X3");
    private static final String SCHANNEL = "\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";
    private static final String WINHTTP = "Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp]";

    @TempDir
    Path tmp;

    /** Acceptance 2, third point. */
    @Test
    void liveFixOfScenario13NamesCurrentControlSetNeverControlSet001() throws IOException {
        String live = fix("13-", "--fix");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet" + SCHANNEL + "TLS 1.2\\Client]")
                .doesNotContain("ControlSet001").doesNotContain("ControlSet002");
        String offline = fix("13-", "--fix-offline");
        assertThat(offline).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002" + SCHANNEL + "TLS 1.2\\Client]")
                .doesNotContain("ControlSet001").doesNotContain("CurrentControlSet");
    }

    @Test
    void fileIsRegeditFormatWithEveryValueUnderARuleComment() throws IOException {
        for (String s : List.of("01-", "07-", "11-", "13-", "15-")) {
            for (String option : List.of("--fix", "--fix-offline")) {
                Path out = tmp.resolve(s + option + (option.equals("--fix") ? ".reg" : ""));
                run("audit", scenario(s).toString(), option, out.toString());
                List<Path> files = option.equals("--fix") ? List.of(out)
                        : List.of(out.resolve("SYSTEM.reg"), out.resolve("SOFTWARE.reg"));
                StringBuilder all = new StringBuilder();
                for (Path file : files) {
                    byte[] bytes = Files.readAllBytes(file);
                    String text = new String(bytes, StandardCharsets.US_ASCII);
                    assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n");
                    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
                    for (byte b : bytes) {
                        assertThat(b & 0xFF).as("ASCII only").isLessThan(0x80);
                    }
                    all.append(text);
                }
                assertEveryValueCommented(all.toString().split("\r\n"), s + option);
            }
        }
    }

    /** Each value line belongs to a section whose header is preceded by "; <rule ids>: ..." naming known rules. */
    private static void assertEveryValueCommented(String[] lines, String what) {
        int values = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("\"")) {
                continue;
            }
            values++;
            int header = i - 1;
            while (!lines[header].startsWith("[")) {
                header--;
            }
            String comment = lines[header - 1];
            assertThat(comment).as("%s line %d", what, i).startsWith("; ");
            String ids = comment.substring(2, comment.indexOf(':'));
            for (String id : ids.split(", ")) {
                assertThat(RULE_IDS).as("rule id in '%s'", comment).contains(id);
            }
        }
        assertThat(values).as("%s has changes", what).isPositive();
    }

    @Test
    void nothingIsWrittenForAHostThatIsAlreadyRight() throws IOException {
        String live = fix("02-", "--fix");
        assertThat(values(live)).isEmpty();
        assertThat(live).contains("Nothing to change");
    }

    @Test
    void articleVariantEnablesTls12InBothViewsWithoutRemovingOlderProtocols() throws IOException {
        String live = fix("01-", "--fix");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\" + WINHTTP + "\r\n"
                + "\"DefaultSecureProtocols\"=dword:00000aa0");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\" + WINHTTP + "\r\n"
                + "\"DefaultSecureProtocols\"=dword:00000aa0");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319]"
                + "\r\n\"SchUseStrongCrypto\"=dword:00000001");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet" + SCHANNEL + "TLS 1.2\\Client]"
                + "\r\n\"DisabledByDefault\"=dword:00000000");
        assertThat(live).as("the article does not disable older protocols")
                .doesNotContain("Protocols\\SSL 3.0").doesNotContain("Protocols\\TLS 1.0");
    }

    @Test
    void tls12OnlyVariantWrites800AndDisablesLegacyProtocols() throws IOException {
        String live = fix("01-", "--fix", "--tls12-only");
        // §9.7: --tls12-only disables TLS 1.1 in SChannel, so WinHTTP must not offer it either.
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\" + WINHTTP + "\r\n"
                + "\"DefaultSecureProtocols\"=dword:00000800");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\" + WINHTTP + "\r\n"
                + "\"DefaultSecureProtocols\"=dword:00000800");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet" + SCHANNEL + "TLS 1.1\\Client]"
                + "\r\n\"Enabled\"=dword:00000000");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet" + SCHANNEL + "SSL 3.0\\Client]"
                + "\r\n\"Enabled\"=dword:00000000");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet" + SCHANNEL + "TLS 1.0\\Server]"
                + "\r\n\"DisabledByDefault\"=dword:00000001");
        assertThat(live).doesNotContain("dword:00000aa0");
    }

    @Test
    void aThirtyTwoBitHostGetsNoWow6432NodeChanges() throws IOException {
        String live = fix("08-", "--fix");
        assertThat(live).doesNotContain("Wow6432Node");
        assertThat(values(live)).as("08 is READY; only S2 (server side) is left").isNotEmpty()
                .allMatch(v -> v.contains("DisabledByDefault") || v.contains("Enabled"));
    }

    @Test
    void invalidTypedValuesAreRewrittenAsDwords() throws IOException {
        String live = fix("11-", "--fix");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\" + WINHTTP + "\r\n"
                + "\"DefaultSecureProtocols\"=dword:00000aa0");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\" + WINHTTP + "\r\n"
                + "\"DefaultSecureProtocols\"=dword:00000aa0");
    }

    @Test
    void aDisabledKeyExchangeIsReEnabledByRemovingEnabledZero() throws IOException {
        String live = fix("15-", "--fix");
        assertThat(live).contains("[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders"
                + "\\SCHANNEL\\KeyExchangeAlgorithms\\ECDH]\r\n\"Enabled\"=-");
        assertThat(live).contains("; C1, C2: ");
    }

    @Test
    void aGroupPolicyCipherOrderGetsAMicrosoft365Suite() throws IOException {
        String live = fix("07-", "--fix");
        String policy = "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL"
                + "\\00010002]\r\n\"Functions\"=\"";
        assertThat(live).contains(policy);
        String value = live.substring(live.indexOf(policy) + policy.length());
        value = value.substring(0, value.indexOf('"'));
        assertThat(value.split(",")).contains("TLS_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    /** The fix file's text; for --fix-offline, the folder's SYSTEM.reg followed by its SOFTWARE.reg. */
    private String fix(String scenario, String... options) throws IOException {
        boolean offline = options[0].equals("--fix-offline");
        Path file = tmp.resolve("fix-" + scenario + String.join("", options) + (offline ? "" : ".reg"));
        List<String> args = new ArrayList<>(List.of("audit", scenario(scenario).toString()));
        args.add(options[0]);
        args.add(file.toString());
        args.addAll(List.of(options).subList(1, options.length));
        AuditTestSupport.Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isIn(0, 1, 4);
        if (!offline) {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        return Files.readString(file.resolve("SYSTEM.reg"), StandardCharsets.US_ASCII)
                + Files.readString(file.resolve("SOFTWARE.reg"), StandardCharsets.US_ASCII);
    }

    private static List<String> values(String regFile) {
        return List.of(regFile.split("\r\n")).stream().filter(l -> l.startsWith("\"")).toList();
    }
}
