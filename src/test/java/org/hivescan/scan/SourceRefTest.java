package org.hivescan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceRefTest {
    private final ScanFiles files = new LocalScanFiles();

    @Test
    void printableFormsAreStableAndSayWhereTheFileLives() {
        assertThat(SourceRef.file("/c/a/SYSTEM").toString()).isEqualTo("/c/a/SYSTEM");
        SourceRef kape = SourceRef.zipMember("/c/k.zip", "C%3A/Windows/System32/config/SYSTEM");
        assertThat(kape.toString()).isEqualTo("/c/k.zip!C%3A/Windows/System32/config/SYSTEM");
        assertThat(kape.folder(files)).isEqualTo("/c/k.zip!C%3A/Windows/System32/config");
        assertThat(kape.fileName()).isEqualTo("SYSTEM");
        assertThat(kape.sibling("SYSTEM.LOG1", files).member()).isEqualTo("C%3A/Windows/System32/config/SYSTEM.LOG1");
        SourceRef image = SourceRef.imageFile("/vm/d.vhdx", 2, "/Windows/System32/config/SOFTWARE");
        assertThat(image.toString()).isEqualTo("/vm/d.vhdx#p2!/Windows/System32/config/SOFTWARE");
        assertThat(image.folder(files)).isEqualTo("/vm/d.vhdx#p2!/Windows/System32/config");
        assertThat(SourceRef.zipMember("/z.zip", "SYSTEM").folder(files)).isEqualTo("/z.zip!");
    }
}
