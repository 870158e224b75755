package org.hivescan.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hivescan.bytes.ArrayBytes;
import org.hivescan.bytes.HiveFormatException;
import org.junit.jupiter.api.Test;

/** §Base block: fields, the XOR-32 checksum with its fix-ups, and dirty detection. */
class BaseBlockTest {
    private static ByteBuffer block() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, BaseBlock.SIGNATURE).putInt(4, 7).putInt(8, 7).putLong(12, 0x01D1_8183_469A_BD20L)
                .putInt(20, 1).putInt(24, 5).putInt(32, 1).putInt(36, 0x20).putInt(40, 0x3000).putInt(44, 1);
        byte[] name = "SYSTEM".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        b.put(48, name);
        return b;
    }

    private static BaseBlock parse(ByteBuffer b) throws HiveFormatException {
        return BaseBlock.read(new ArrayBytes("test", b.array()), 0);
    }

    @Test
    void readsEveryField() throws Exception {
        ByteBuffer b = block();
        b.putInt(508, BaseBlock.checksum(b));
        BaseBlock base = parse(b);
        assertThat(base.version()).isEqualTo("1.5");
        assertThat(base.primarySequence()).isEqualTo(7);
        assertThat(base.rootCellOffset()).isEqualTo(0x20);
        assertThat(base.hiveBinsDataSize()).isEqualTo(0x3000);
        assertThat(base.fileName()).isEqualTo("SYSTEM");
        assertThat(base.lastWritten()).isEqualTo(0x01D1_8183_469A_BD20L);
        assertThat(base.isDirty()).isFalse();
    }

    @Test
    void checksumAvoidsZeroAndAllOnes() {
        ByteBuffer zero = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(BaseBlock.checksum(zero)).isEqualTo(1);
        ByteBuffer ones = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN).putInt(0, -1);
        assertThat(BaseBlock.checksum(ones)).isEqualTo(-2);
        ByteBuffer plain = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x12).putInt(504, 0x30);
        assertThat(BaseBlock.checksum(plain)).isEqualTo(0x22);
        plain.putInt(508, 0xFFFF);
        assertThat(BaseBlock.checksum(plain)).as("the stored checksum is not part of the sum").isEqualTo(0x22);
    }

    @Test
    void dirtyWhenChecksumWrongOrSequencesDiffer() throws Exception {
        ByteBuffer b = block();
        b.putInt(508, BaseBlock.checksum(b) ^ 1);
        assertThat(parse(b).dirtyReasons()).singleElement().asString().startsWith("checksum wrong");
        b = block().putInt(8, 6);
        b.putInt(508, BaseBlock.checksum(b));
        assertThat(parse(b).dirtyReasons()).singleElement().asString().contains("primary 7, secondary 6");
    }

    @Test
    void rejectsWhatIsNoHive() {
        assertThatThrownBy(() -> BaseBlock.read(new ArrayBytes("short.bin", new byte[100]), 0))
                .isInstanceOf(HiveFormatException.class).hasMessageContaining("short.bin")
                .hasMessageContaining("at least 512 bytes, found 100");
        assertThatThrownBy(() -> BaseBlock.read(new ArrayBytes("zeros.bin", new byte[4096]), 0))
                .isInstanceOf(NotAHiveException.class).hasMessageContaining("zeros.bin: at file offset 0x0")
                .hasMessageContaining("expected \"regf\"");
    }
}
