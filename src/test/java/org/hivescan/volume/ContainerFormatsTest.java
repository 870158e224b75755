package org.hivescan.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.hivescan.bytes.ByteSource;
import org.hivescan.volume.TestImages.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same MBR disk (hives in 24 zigzag runs) in every container format, written by qemu-img, VMDKstream.py and
 * ewfacquire: Windows is found on partition 1 and every hive and log reads back as the loose file.
 */
class ContainerFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {".raw", ".vhdx", ".vhd", ".vmdk", "-stream.vmdk", "-stream-gdend.vmdk", ".qcow2",
        "-z.qcow2", ".E01"})
    void hivesReadBackThroughEveryFormat(String suffix) throws Exception {
        try (OpenedDisk disk = OpenedDisk.open(TestImages.converted(Variant.MBR_ZIGZAG, suffix))) {
            assertThat(disk.layout().table().scheme()).isEqualTo(PartitionScheme.MBR);
            WindowsInstallation w = disk.layout().windows().get(0);
            assertThat(w.partition().index()).isEqualTo(1);
            assertThat(w.files()).hasSize(4);
            for (WindowsInstallation.HiveFile f : w.files()) {
                ByteSource source = f.file().open();
                byte[] all = new byte[(int) source.size()];
                source.readFully(0, all, 0, all.length);
                assertThat(all).as(suffix + " " + f.name())
                        .isEqualTo(Files.readAllBytes(TestImages.hiveFolder().resolve(f.name())));
            }
            assertThat(w.file("SAM").orElseThrow().file().runCount()).isEqualTo(24);
        }
    }
}
