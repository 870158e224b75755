package org.hivescan.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Name decoding, Windows-style comparison, and the lh hash and lf hint (§Hash leaf, §Fast leaf). */
class NamesTest {
    @Test
    void compressedNamesAreLatin1AndOthersUtf16WithLoneSurrogatesKept() {
        assertThat(Names.decode(new byte[] {(byte) 0xE9, (byte) 0xFF}, true)).isEqualTo("éÿ");
        assertThat(Names.decode(new byte[] {0x00, (byte) 0xD8, 0x41, 0x00}, false)).isEqualTo("\uD800A");
        assertThat(Names.decode(new byte[] {0x41, 0x00, 0x42}, false)).as("odd trailing byte ignored").isEqualTo("A");
    }

    @Test
    void comparisonUppercasesPerCodeUnitWithoutLocale() {
        assertThat(Names.compare("straße", "STRASSE")).isNotZero();
        assertThat(Names.equalsIgnoreCase("ärger", "ÄRGER")).isTrue();
        assertThat(Names.equalsIgnoreCase("title", "TITLE")).isTrue();
        assertThat(Names.compare("a", "B")).isNegative();
        assertThat(Names.compare("_x", "a")).as("'_' (0x5F) sorts before 'A' (0x41)? no: after").isPositive();
    }

    @Test
    void lhHashIsThirtySevenFoldOverUppercasedUnits() {
        assertThat(Names.lhHash("")).isZero();
        assertThat(Names.lhHash("a")).isEqualTo('A');
        assertThat(Names.lhHash("ab")).isEqualTo(37 * 'A' + 'B');
        assertThat(Names.lhHash("Select")).isEqualTo(Names.lhHash("SELECT"));
    }

    @Test
    void lfHintIsTheFirstFourCharactersOrAZeroFirstByteForWideOnes() {
        assertThat(Names.lfHint("Software")).isEqualTo('S' | 'o' << 8 | 'f' << 16 | 't' << 24);
        assertThat(Names.lfHint("ab")).isEqualTo('a' | 'b' << 8);
        assertThat(Names.lfHint("日本") & 0xFF).isZero();
    }
}
