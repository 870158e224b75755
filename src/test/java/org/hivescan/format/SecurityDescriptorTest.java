package org.hivescan.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Self-relative descriptors (MS-DTYP 2.4.6) rendered as SDDL. */
class SecurityDescriptorTest {
    /**
     * Built by hand: control 0x8404 (self-relative, DACL present, DACL auto-inherited), DACL at 0x14 (8-byte
     * header + a 20-byte ACE allowing KA to SY with CI|ID + a 24-byte ACE allowing KR to BU with ID = 0x34
     * bytes), owner BA at 0x48, group SY at 0x58.
     */
    private static final String DESCRIPTOR = "0100" + "0484" + "48000000" + "58000000" + "00000000" + "14000000"
            + "020034000200" + "0000"
            + "00" + "12" + "1400" + "3F000F00" + "010100000000000512000000"
            + "00" + "10" + "1800" + "19000200" + "01020000000000052000000021020000"
            + "01020000000000052000000020020000"
            + "010100000000000512000000";

    @Test
    void rendersOwnerGroupAndDacl() {
        byte[] raw = HexFormat.of().parseHex(DESCRIPTOR);
        assertThat(SecurityDescriptor.toSddl(raw)).isEqualTo("O:BAG:SYD:AI(A;CIID;KA;;;SY)(A;ID;KR;;;BU)");
    }

    @Test
    void refusesOffsetsPastTheEnd() {
        byte[] raw = HexFormat.of().parseHex(DESCRIPTOR);
        raw[4] = (byte) 0xF0;
        assertThatThrownBy(() -> SecurityDescriptor.toSddl(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past its end");
    }
}
