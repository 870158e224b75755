package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** E01 made by ewfacquire from a random raw disk reads back as that disk, with its metadata and hashes. */
class EwfFormatTest {
    static Path compressed() throws Exception {
        return ConvertedImages.image("best.E01", "ewfacquire", "-u", "-q", "-t", "best", "-C", "CASE-7",
                "-D", "test disk", "-E", "EV-1", "-e", "Ann Examiner", "-N", "some notes", "-c", "best", "-d", "sha1",
                "-S", "1MiB", "-f", "encase6", "RAW");
    }

    @Test
    void compressedSegmentsWithCaseMetadata() throws Exception {
        Path e01 = compressed();
        assertThat(Files.exists(ConvertedImages.dir().resolve("best.E02"))).as("several segments").isTrue();
        try (DiskImage image = DiskImages.open(e01)) {
            assertThat(image.format()).isEqualTo("e01");
            assertThat(image.metadata()).containsEntry("case.number", "CASE-7")
                    .containsEntry("case.evidence_number", "EV-1").containsEntry("case.examiner", "Ann Examiner")
                    .containsEntry("case.notes", "some notes").containsEntry("case.description", "test disk")
                    .containsKeys("md5", "sha1");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
        }
    }

    @Test
    void storedHashesAreVerifiedOnlyOnRequest() throws Exception {
        try (DiskImage image = DiskImages.open(compressed())) {
            long opened = image.disk().bytesFetched();
            assertThat(opened).as("opening reads the section chain, not the chunks").isLessThan(64 << 10);
            ImageVerification verification = image.verifyImage();
            assertThat(verification.hasStoredHashes()).isTrue();
            assertThat(verification.stored()).containsKeys("md5", "sha1");
            assertThat(verification.matches()).isTrue();
            assertThat(verification.computed().get("md5")).isEqualTo(md5(ConvertedImages.raw()));
        }
    }

    @Test
    void uncompressedChunksWithChecksums() throws Exception {
        Path e01 = ConvertedImages.image("plain.E01", "ewfacquire", "-u", "-q", "-t", "plain", "-c", "none",
                "-b", "128", "-S", "7MiB", "-f", "encase6", "RAW");
        try (DiskImage image = DiskImages.open(e01)) {
            assertThat(image.metadata()).containsEntry("ewf.sectors_per_chunk", "128").containsKey("md5");
            TestDisks.assertSameDisk(image, ConvertedImages.raw());
            assertThat(image.verifyImage().matches()).isTrue();
        }
    }

    @Test
    void segmentNamesFollowTheE01Sequence() {
        assertThat(EwfFormat.segmentName("disk.E01", 2)).isEqualTo("disk.E02");
        assertThat(EwfFormat.segmentName("disk.E01", 99)).isEqualTo("disk.E99");
        assertThat(EwfFormat.segmentName("disk.E01", 100)).isEqualTo("disk.EAA");
        assertThat(EwfFormat.segmentName("disk.E01", 101)).isEqualTo("disk.EAB");
        assertThat(EwfFormat.segmentName("disk.E01", 100 + 676)).isEqualTo("disk.FAA");
        assertThat(EwfFormat.segmentName("x.e01", 12)).isEqualTo("x.e12");
    }

    private static String md5(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
    }
}
