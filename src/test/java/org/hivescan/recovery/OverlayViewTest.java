package org.hivescan.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.hivescan.bytes.ArrayBytes;
import org.hivescan.bytes.OverlayBytes;
import org.junit.jupiter.api.Test;

/**
 * The replay view (OverlayBytes) against a plain byte-array model: random writes (some past the base's end, as when
 * a log grows the hive), then every kind of read at random offsets, page boundaries included.
 */
class OverlayViewTest {
    @Test
    void readsMatchAPlainCopyWithTheSameWrites() throws Exception {
        Random random = new Random(7);
        byte[] baseData = new byte[10_000];
        random.nextBytes(baseData);
        int length = 14_000;
        byte[] model = java.util.Arrays.copyOf(baseData, length); // past the base: zeros until written
        OverlayBytes view = new OverlayBytes(new ArrayBytes("base", baseData.clone()), length);
        for (int i = 0; i < 60; i++) {
            int at = random.nextInt(length - 700);
            byte[] data = new byte[1 + random.nextInt(700)];
            random.nextBytes(data);
            view.write(at, data, 0, data.length);
            System.arraycopy(data, 0, model, at, data.length);
        }
        ByteBuffer m = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 20_000; i++) {
            int at = random.nextInt(length - 8);
            assertThat(view.readLong(at)).isEqualTo(m.getLong(at));
            assertThat(view.readInt(at)).isEqualTo(m.getInt(at));
            assertThat(view.readUnsignedShort(at)).isEqualTo(m.getShort(at) & 0xFFFF);
            assertThat(view.readByte(at)).isEqualTo(model[at]);
        }
        for (int i = 0; i < 500; i++) {
            int at = random.nextInt(length - 2000);
            int n = random.nextInt(2000);
            assertThat(view.readBytes(at, n)).isEqualTo(java.util.Arrays.copyOfRange(model, at, at + n));
        }
        assertThat(view.readBytes(0, length)).isEqualTo(model);
        assertThat(view.length()).isEqualTo(length);
    }

    @Test
    void untouchedPagesAreNotHeldInMemory() {
        OverlayBytes view = new OverlayBytes(new ArrayBytes("base", new byte[1 << 20]), 1L << 32);
        view.write(4096, new byte[600], 0, 600);          // two pages: 4096..4607 and 4608..5119
        view.write((1L << 32) - 512, new byte[512], 0, 512); // the last page of a 4 GiB view
        assertThat(view.replacedPageCount()).isEqualTo(3);
        assertThat(view.isReplaced(4096)).isTrue();
        assertThat(view.isReplaced(5119)).isTrue();
        assertThat(view.isReplaced(5120)).isFalse();
        assertThat(view.isReplaced((1L << 32) - 1)).isTrue();
    }
}
