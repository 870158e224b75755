package org.hivescan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hivescan.Canon;
import org.hivescan.TestPaths;
import org.hivescan.hive.Hive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our .reg export of the real SYSTEM hives re-imports with an independent writer, hivexregedit --merge, into a
 * copy of shared/tools/empty.hive, and the result lists the same keys and values.
 *
 * <p>hivexregedit reads the .reg as bytes in the local encoding, so it is run with PERL_UNICODE=SD on the UTF-8
 * export (its man page, "ENCODING"). hivex stores values over 16344 bytes as one plain cell, which the format
 * forbids from version 1.4 on; such values are counted, named, and left out of the comparison.
 */
class RegRoundTripTest {
    private static final List<String> SYSTEM_HIVES = List.of(
            "mkorman90_regipy/regipy_tests/data/SYSTEM",
            "mkorman90_regipy/regipy_tests/data/SYSTEM_2",
            "mkorman90_regipy/regipy_tests/data/SYSTEM_B");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> systemHivesSurviveARegRoundTripThroughHivex() {
        return SYSTEM_HIVES.stream().map(rel -> DynamicTest.dynamicTest(rel, () -> {
            Path original = TestPaths.corpus().resolve(rel);
            Path reg = dir.resolve(original.getFileName() + ".reg");
            byte[] expected;
            try (Hive hive = Hive.openWithoutReplay(original); Writer w = new OutputStreamWriter(Files.newOutputStream(reg),
                    StandardCharsets.UTF_8)) {
                RegExport.write(hive, hive.root(), "HKEY_LOCAL_MACHINE\\SYSTEM", w);
                expected = Canon.of(hive);
            }
            Path merged = dir.resolve(original.getFileName() + ".merged");
            Files.copy(TestPaths.shared().resolve("tools/empty.hive"), merged, StandardCopyOption.REPLACE_EXISTING);
            merged.toFile().setWritable(true);
            ProcessBuilder p = new ProcessBuilder("hivexregedit", "--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SYSTEM",
                    merged.toString(), reg.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile());
            p.environment().put("PERL_UNICODE", "SD");
            Process run = p.start();
            assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(Files.readString(dir.resolve("log"))).isZero();
            byte[] actual;
            try (Hive hive = Hive.openWithoutReplay(merged)) {
                actual = Canon.of(hive);
            }
            List<String> bigValues = new ArrayList<>();
            List<String> want = withoutBigValues(expected, bigValues);
            List<String> got = withoutBigValues(actual, new ArrayList<>());
            System.out.println(rel + ": " + bigValues.size() + " value(s) over 16344 bytes left out: " + bigValues);
            assertThat(got).hasSize(want.size()).isEqualTo(want);
        }));
    }

    /** The listing's lines without values whose data exceeds 16344 bytes; their keys and names go to {@code left}. */
    private static List<String> withoutBigValues(byte[] canon, List<String> left) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : new String(canon, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("V") && f[4].length() / 2 > 16344) {
                left.add(f[1] + "\\" + f[2]);
            } else {
                out.add(line);
            }
        }
        return out;
    }

}
