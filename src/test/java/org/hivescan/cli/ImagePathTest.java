package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePathTest {
    @TempDir
    Path dir;

    @Test
    void theLongestExistingFileWins() throws IOException {
        Path plain = Files.createFile(dir.resolve("disk"));
        Path colon = Files.createFile(dir.resolve("disk:2.raw"));
        assertThat(ImagePath.parse(colon + ":/Windows/System32/config/SYSTEM")).contains(
                new ImagePath(colon, "/Windows/System32/config/SYSTEM"));
        assertThat(ImagePath.parse(plain + ":x:/y")).contains(new ImagePath(plain, "x:/y"));
        assertThat(ImagePath.parse(colon.toString())).isEmpty();
        assertThat(ImagePath.parse(dir.resolve("missing.raw") + ":/SYSTEM")).isEmpty();
        assertThat(ImagePath.parse(plain + ":Windows\\System32").orElseThrow().display())
                .isEqualTo(plain + ":/Windows/System32");
    }

    @Test
    void aFolderIsNotAnImage() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("d"));
        assertThat(ImagePath.parse(folder + ":/SYSTEM")).isEmpty();
    }
}
