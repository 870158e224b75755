package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hivescan.volume.TestImages;
import org.hivescan.volume.TestImages.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The commands read hives inside disk images exactly as loose files: the images are built by the shared vmimg
 * scripts from the hive folder, and every expected output is the same command run on that folder.
 */
class ImageCliTest {
    private static final String CONFIG = "/Windows/System32/config/";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"GPT_ESP_FRAG,.raw", "MBR_SYSRES,.raw", "GPT_FAR_ALIST,.raw", "MBR_ZIGZAG,.vhdx",
        "MBR_ZIGZAG,-stream.vmdk", "MBR_ZIGZAG,-z.qcow2", "MBR_ZIGZAG,.E01"})
    void canonExportFromTheImageIsTheLooseFilesByteForByte(Variant variant, String suffix) {
        Path image = TestImages.converted(variant, suffix);
        for (String hive : new String[] {"SYSTEM", "SOFTWARE", "SAM"}) {
            Cli.Result inImage = Cli.run("export", "--format", "canon", image + ":" + CONFIG + hive);
            Cli.Result loose = Cli.run("export", "--format", "canon", TestImages.hiveFolder().resolve(hive).toString());
            assertThat(inImage.exit()).as(inImage.err()).isZero();
            assertThat(inImage.bytes()).as(variant + suffix + " " + hive).isEqualTo(loose.bytes()).isNotEmpty();
        }
    }

    @Test
    void theDirtySamIsReplayedFromItsLogInsideTheImage() {
        Path image = TestImages.converted(Variant.GPT_ESP_FRAG, ".raw");
        Cli.Result info = Cli.run("info", "--json", image + ":/windows/system32/config/sam");
        assertThat(info.exit()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"logs_applied\" : true").contains(image + ":/windows/system32/config/SAM.LOG1");
        Cli.Result noLogs = Cli.run("export", "--format", "canon", "--no-logs", image + ":" + CONFIG + "SAM");
        Cli.Result replayed = Cli.run("export", "--format", "canon", image + ":" + CONFIG + "SAM");
        assertThat(noLogs.bytes()).isNotEqualTo(replayed.bytes());
    }

    @ParameterizedTest
    @CsvSource({"GPT_ESP_FRAG,.raw", "MBR_SYSRES,.raw", "GPT_FAR_ALIST,.raw", "MBR_ZIGZAG,.vhdx", "MBR_ZIGZAG,.vhd",
        "MBR_ZIGZAG,.vmdk", "MBR_ZIGZAG,-stream-gdend.vmdk", "MBR_ZIGZAG,.qcow2", "MBR_ZIGZAG,.E01"})
    void auditOfTheImageIsTheAuditOfTheLooseFolder(Variant variant, String suffix) {
        Path image = TestImages.converted(variant, suffix);
        String folder = TestImages.hiveFolder().toString();
        for (String format : new String[] {"json", "text", "markdown"}) {
            Cli.Result inImage = Cli.run("audit", "--format", format, "--color", "never", image.toString());
            Cli.Result loose = Cli.run("audit", "--format", format, "--color", "never", folder);
            assertThat(inImage.exit()).as(inImage.err()).isEqualTo(loose.exit());
            assertThat(withoutHivePaths(inImage.out().replace(image + ":" + CONFIG, folder + "/")))
                    .as(variant + suffix + " " + format).isEqualTo(withoutHivePaths(loose.out()));
        }
    }

    @Test
    void imageDescribesContainerPartitionsAndWindows() throws IOException {
        Path image = TestImages.converted(Variant.MBR_ZIGZAG, ".E01");
        Cli.Result r = Cli.run("image", "--json", image.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/image/format").asText()).isEqualTo("e01");
        assertThat(json.at("/image/virtual_size").asLong()).isEqualTo(Files.size(TestImages.raw(Variant.MBR_ZIGZAG)));
        assertThat(json.at("/image/metadata/case.number").asText()).isEqualTo("CASE-12");
        assertThat(json.at("/partition_table/scheme").asText()).isEqualTo("MBR");
        assertThat(json.at("/partition_table/partitions/0/file_system").asText()).isEqualTo("NTFS");
        assertThat(json.at("/windows/0/partition").asInt()).isEqualTo(1);
        assertThat(json.at("/windows/0/build").asText()).isEqualTo("14393");
        assertThat(json.at("/windows/0/edition").asText()).isEqualTo("ServerStandard");
        assertThat(json.at("/windows/0/computer_name").asText()).isEqualTo("RDS-2016-01");
        assertThat(json.at("/windows/0/files").findValuesAsText("name"))
                .containsExactly("SAM", "SAM.LOG1", "SOFTWARE", "SYSTEM");
        assertThat(json.at("/windows/0/files/0/size").asLong()).isEqualTo(2318336);

        Cli.Result text = Cli.run("image", image.toString());
        assertThat(text.out()).contains("format: e01").contains("partition 1: Windows Server 2016 Standard, "
                + "edition ServerStandard, build 14393, computer name RDS-2016-01")
                .contains("/Windows/System32/config/SAM.LOG1");
    }

    @Test
    void bitLockerIsFlaggedAndTheOtherPartitionStillAudited() throws Exception {
        Path image = sparseCopy(TestImages.raw(Variant.MBR_SYSRES), "bitlocker.raw");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.seek((1L << 20) + 3);
            f.write("-FVE-FS-".getBytes(StandardCharsets.US_ASCII));
        }
        Cli.Result r = Cli.run("image", image.toString());
        assertThat(r.out()).contains("#1").contains("BitLocker  [volume is BitLocker-encrypted]")
                .contains("partition 2: Windows Server 2016");
        assertThat(Cli.run("audit", "--partition", "2", image.toString()).exit()).isIn(0, 1, 4);
        Cli.Result wrong = Cli.run("audit", "--partition", "1", image.toString());
        assertThat(wrong.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("no Windows installation on partition 1").contains("partition 2");
    }

    @Test
    void aTruncatedImageIsAClearErrorNotAStackTrace() throws Exception {
        Path image = sparseCopy(TestImages.raw(Variant.GPT_ESP_FRAG), "cut.raw");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(150L << 20);
        }
        Cli.Result audit = Cli.run("audit", image.toString());
        assertThat(audit.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(audit.err()).contains("cut.raw").contains("past the end").doesNotContain("Exception");
        Cli.Result info = Cli.run("info", image + ":" + CONFIG + "SYSTEM");
        assertThat(info.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(info.err()).contains("past the end");
    }

    @Test
    void theLongestExistingImageNameWinsAndAMissingFileIsNamed() throws IOException {
        Path colon = Files.createSymbolicLink(tmp.resolve("disk:1.raw"), TestImages.raw(Variant.MBR_SYSRES));
        Cli.Result r = Cli.run("cat", colon + ":" + CONFIG + "system", "Select", "Current");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isNotBlank();
        Cli.Result missing = Cli.run("ls", colon + ":/Windows/System32/config/NOPE");
        assertThat(missing.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(missing.err()).contains("no such file in the image");
    }

    @Test
    void auditingA64GiBSparseVhdxReadsUnderFourMiB() {
        Path vhdx = TestImages.converted(Variant.SPARSE_64G, ".vhdx");
        Cli.Result r = Cli.run("audit", "--verbose", "--format", "json", vhdx.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 1, 4);
        Matcher m = Pattern.compile("read (\\d+) bytes of the image \\(vhdx, 68719476736 bytes").matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isPositive().isLessThan(4L << 20);
    }

    /**
     * The text report wraps its lines, so a longer hive path moves the line breaks of the lines that name it; those
     * two lines ("SYSTEM  path (clean)") are compared by the JSON and Markdown forms instead.
     */
    private static String withoutHivePaths(String report) {
        return report.replaceAll("(?m)^(SYSTEM|SOFTWARE) .*\\R(^ {6,}\\S.*\\R)*", "");
    }

    private Path sparseCopy(Path from, String name) throws Exception {
        Path to = tmp.resolve(name);
        Process p = new ProcessBuilder("cp", "--sparse=always", from.toString(), to.toString()).start();
        assertThat(p.waitFor()).isZero();
        return to;
    }
}
