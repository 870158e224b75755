package org.hivescan.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.hivescan.TestPaths;
import org.hivescan.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evidence is never written (SECURITY.md): every command that writes a file refuses when that file is the hive it
 * reads (or one of its logs), with a usage error, and the input keeps its exact bytes.
 */
class InputsNeverWrittenTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"export -f canon -o", "export -f reg -o", "replay --force -o", "audit --fix",
        "audit --fix-offline"})
    void commandsRefuseToWriteOverTheirInput(String command) throws Exception {
        Path hive = dir.resolve("SYSTEM");
        Files.copy(TestPaths.testdata().resolve("hosts/05-2016-defaults/SYSTEM"), hive,
                StandardCopyOption.REPLACE_EXISTING);
        Path log = dir.resolve("SYSTEM.LOG1");
        Files.write(log, new byte[] {1, 2, 3});
        byte[] before = Files.readAllBytes(hive);
        for (Path target : List.of(hive, log)) {
            String[] words = command.split(" ");
            String[] args = words[0].equals("audit")
                    ? new String[] {"audit", "--system", hive.toString(), words[1], target.toString()}
                    : concat(new String[] {words[0], hive.toString()}, words, target.toString());
            StringWriter err = new StringWriter();
            int exit = Main.run(args, new ByteArrayOutputStream(), new PrintWriter(err));
            String what = String.join(" ", args) + "\n" + err;
            assertThat(Arrays.equals(Files.readAllBytes(hive), before)).as("hive unchanged by " + what).isTrue();
            assertThat(Arrays.equals(Files.readAllBytes(log), new byte[] {1, 2, 3})).as("log unchanged by " + what)
                    .isTrue();
            assertThat(exit).as(what).isEqualTo(2);
        }
    }

    private static String[] concat(String[] head, String[] words, String last) {
        String[] out = new String[head.length + words.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(words, 1, out, head.length, words.length - 1);
        out[out.length - 1] = last;
        return out;
    }
}
