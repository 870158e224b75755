package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats are recognised by content, never by name, and images are never written. */
class DiskImagesTest {
    @Test
    void namesThatLieDoNotMatter(@TempDir Path dir) throws Exception {
        Map<String, Path> images = Map.of(
                "qcow2", ConvertedImages.qemu("plain.qcow2", "qcow2"),
                "vhdx", ConvertedImages.qemu("default.vhdx", "vhdx"),
                "vmdk", ConvertedImages.qemu("sparse.vmdk", "vmdk"),
                "vhd", ConvertedImages.qemu("exact.vhd", "vpc", "-o", "force_size=on"));
        for (Map.Entry<String, Path> entry : images.entrySet()) {
            Path renamed = Files.copy(entry.getValue(), dir.resolve(entry.getKey() + "-disguised.E01"));
            try (DiskImage image = DiskImages.open(renamed)) {
                assertThat(image.format()).isEqualTo(entry.getKey());
                assertThat(image.virtualSize()).isEqualTo(ConvertedImages.raw().length);
            }
        }
    }

    @Test
    void imagesAreNeverWritten() throws Exception {
        Path e01 = EwfFormatTest.compressed();
        Path[] files = {e01, ConvertedImages.qemu("small-blocks.vhdx", "vhdx", "-o", "block_size=1M"),
            ConvertedImages.qemu("stream.vmdk", "vmdk", "-o", "subformat=streamOptimized")};
        for (Path file : files) {
            byte[] before = sha256(file);
            FileTime modified = Files.getLastModifiedTime(file);
            try (DiskImage image = DiskImages.open(file)) {
                image.verifyImage();
            }
            assertThat(sha256(file)).isEqualTo(before);
            assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        }
    }

    @Test
    void verifyingAnImageWithoutStoredHashesComputesThemAndMatchesNothing() throws Exception {
        try (DiskImage image = DiskImages.open(ConvertedImages.qemu("plain.qcow2", "qcow2"))) {
            ImageVerification verification = image.verifyImage();
            assertThat(verification.hasStoredHashes()).isFalse();
            assertThat(verification.matches()).isFalse();
            assertThat(verification.bytesHashed()).isEqualTo(ConvertedImages.raw().length);
            assertThat(verification.computed().get("sha1")).isEqualTo(java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(ConvertedImages.raw())));
        }
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
