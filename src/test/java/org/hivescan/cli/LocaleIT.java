package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case folders named in other languages work under LC_ALL=C. */
class LocaleIT {
    private static final Map<String, String> C_LOCALE = Map.of("LC_ALL", "C", "LANG", "C");

    private static Path caseFolder(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Fall-Müller-Ünïcode-案件"));
        return Files.copy(TestPaths.fixtures().resolve("names.hive"), folder.resolve("SYSTEM_ä.hive"));
    }

    @Test
    void theLauncherOpensANonAsciiPathUnderTheCLocale(@TempDir Path dir) throws Exception {
        Path hive = caseFolder(dir);
        Proc.Result r = Proc.run(List.of(Proc.launcher().toString(), "info", hive.toString()), C_LOCALE);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.outText()).contains("Fall-Müller-Ünïcode-案件").contains("Keys:");
    }

    @Test
    void plainJavaUnderTheCLocaleSaysWhatToDoInOneLine(@TempDir Path dir) throws Exception {
        Path hive = caseFolder(dir);
        Proc.Result r = Proc.run(Proc.jarCommand("info", hive.toString()), C_LOCALE);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("hivescan info: HIVE: cannot decode this file name")
                .contains("LC_ALL=C.UTF-8").doesNotContain("Exception");
    }
}
