package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * A .reg export to a terminal is readable UTF-8, never raw UTF-16; the terminal is a real pseudo-terminal made by
 * script(1) (util-linux).
 */
class TerminalIT {
    private static Proc.Result onTerminal(String... args) {
        StringBuilder command = new StringBuilder();
        for (String arg : Proc.jarCommand(args)) {
            command.append('\'').append(arg.replace("'", "'\\''")).append("' ");
        }
        return Proc.run(List.of("script", "-qec", command.toString(), "/dev/null"), Map.of());
    }

    @Test
    void regExportToATerminalIsUtf8() {
        Proc.Result r = onTerminal("export", TestPaths.fixtures().resolve("names.hive").toString(), "-f", "reg");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain((byte) 0);
        assertThat(r.outText()).startsWith("Windows Registry Editor Version 5.00");
    }

    @Test
    void explicitUtf16ToATerminalIsRefused() {
        Proc.Result r = onTerminal("export", TestPaths.fixtures().resolve("names.hive").toString(), "-f", "reg",
                "--encoding", "utf-16le");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.outText()).contains("refusing to write UTF-16LE to a terminal");
    }

    @Test
    void aReplayedHiveIsNeverWrittenToATerminal() {
        Proc.Result r = onTerminal("replay", TestPaths.fixtures().resolve("names.hive").toString(), "-o", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.outText()).contains("standard output is a terminal").doesNotContain("regf");
    }

    @Test
    void regExportToAPipeStaysUtf16AsRegeditWrites() {
        Proc.Result r = Proc.run(Proc.jarCommand("export", TestPaths.fixtures().resolve("names.hive").toString(),
                "-f", "reg"), Map.of());
        assertThat(r.exit()).isZero();
        assertThat(r.out()[0]).isEqualTo((byte) 0xFF);
        assertThat(r.out()[1]).isEqualTo((byte) 0xFE);
    }
}
