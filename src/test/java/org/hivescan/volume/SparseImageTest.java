package org.hivescan.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hivescan.bytes.ByteSource;
import org.hivescan.volume.TestImages.Variant;
import org.junit.jupiter.api.Test;

/** A Windows volume at the far end of a 64 GiB sparse VHDX is found and read touching only a few MiB. */
class SparseImageTest {

    @Test
    void findingWindowsAndReadingItsHivesReadsUnderFourMiB() throws Exception {
        Path vhdx = TestImages.converted(Variant.SPARSE_64G, ".vhdx");
        try (OpenedDisk disk = OpenedDisk.open(vhdx)) {
            assertThat(disk.image().format()).isEqualTo("vhdx");
            assertThat(disk.image().virtualSize()).isEqualTo(64L << 30);
            WindowsInstallation w = disk.layout().windows().get(0);
            assertThat(w.partition().start()).isEqualTo(65000L << 20);
            long total = 0;
            for (WindowsInstallation.HiveFile f : w.files()) {
                ByteSource source = f.file().open();
                byte[] all = new byte[(int) source.size()];
                source.readFully(0, all, 0, all.length);
                assertThat(all).as(f.name()).isEqualTo(Files.readAllBytes(TestImages.hiveFolder().resolve(f.name())));
                total += all.length;
            }
            assertThat(total).isEqualTo(12288 + 12288 + 2318336 + 9728);
            assertThat(disk.bytesFetched()).as("bytes read from the 64 GiB image").isLessThan(4L << 20);
        }
    }
}
