package org.hivescan.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** After close() every read throws HiveClosedException, and a read racing the close never crashes the JVM. */
class SafeCloseTest {
    private static final Path HIVE = TestPaths.fixtures().resolve("values.hive");

    private static List<HiveBytes> everyKind() throws Exception {
        byte[] data = Files.readAllBytes(HIVE);
        return List.of(HiveBytes.open(HIVE), HiveBytes.openPositional(HIVE), new ArrayBytes("array", data),
                new OverlayBytes(HiveBytes.open(HIVE), data.length));
    }

    @Test
    void everyReadAfterCloseThrowsClosed() throws Exception {
        for (HiveBytes bytes : everyKind()) {
            assertThat(bytes.readInt(0)).as(bytes.getClass().getSimpleName()).isEqualTo(0x66676572); // "regf"
            bytes.close();
            assertThat(bytes.isClosed()).isTrue();
            assertThatThrownBy(() -> bytes.readInt(0)).isInstanceOf(HiveClosedException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> bytes.readBytes(4096, 32)).isInstanceOf(HiveClosedException.class);
            assertThatThrownBy(() -> bytes.readByte(0)).isInstanceOf(HiveClosedException.class);
            bytes.close(); // a second close is harmless
        }
    }

    @Test
    void readsRacingCloseEndInClosedExceptionsOnly() throws Exception {
        for (int round = 0; round < 20; round++) {
            for (HiveBytes bytes : List.of(HiveBytes.open(HIVE), HiveBytes.openPositional(HIVE))) {
                race(bytes);
            }
        }
    }

    private static void race(HiveBytes bytes) throws Exception {
        int threads = 4;
        CountDownLatch started = new CountDownLatch(threads);
        AtomicReference<Throwable> wrong = new AtomicReference<>();
        Thread[] readers = new Thread[threads];
        long length = bytes.length();
        for (int t = 0; t < threads; t++) {
            readers[t] = new Thread(() -> {
                started.countDown();
                try {
                    for (long i = 0; ; i++) {
                        bytes.readBytes((i * 4096) % (length - 64), 64);
                    }
                } catch (HiveClosedException expected) {
                    // the only way out
                } catch (Throwable e) {
                    wrong.set(e);
                }
            });
            readers[t].start();
        }
        started.await();
        bytes.close();
        for (Thread r : readers) {
            r.join(10_000);
            assertThat(r.isAlive()).isFalse();
        }
        assertThat(wrong.get()).isNull();
    }

    @Test
    void aFileSourceReportsItsSizeAndReadsByPosition() throws IOException {
        byte[] data = Files.readAllBytes(HIVE);
        try (FileByteSource source = FileByteSource.open(HIVE)) {
            assertThat(source.size()).isEqualTo(data.length);
            byte[] got = new byte[100];
            source.readFully(4000, got, 0, 100);
            assertThat(got).isEqualTo(java.util.Arrays.copyOfRange(data, 4000, 4100));
            assertThatThrownBy(() -> source.readFully(data.length - 10, got, 0, 20))
                    .isInstanceOf(java.io.EOFException.class);
        }
    }
}
