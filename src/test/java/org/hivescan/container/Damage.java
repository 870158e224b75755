package org.hivescan.container;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import org.assertj.core.api.AbstractThrowableAssert;

/** Copies of good images with one structure damaged, located by the test's own reading of the specs. */
final class Damage {
    private Damage() {
    }

    static Path copy(Path image, Path dir) throws IOException {
        Path target = dir.resolve(image.getFileName());
        Files.copy(image, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    static byte[] read(Path file, long at, int length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] data = new byte[length];
            raf.seek(at);
            raf.readFully(data);
            return data;
        }
    }

    static void write(Path file, long at, byte[] data) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at);
            raf.write(data);
        }
    }

    static ByteBuffer le(Path file, long at, int length) throws IOException {
        return ByteBuffer.wrap(read(file, at, length)).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer be(Path file, long at, int length) throws IOException {
        return ByteBuffer.wrap(read(file, at, length)).order(ByteOrder.BIG_ENDIAN);
    }

    static void putInt(Path file, long at, int value, ByteOrder order) throws IOException {
        write(file, at, ByteBuffer.allocate(4).order(order).putInt(value).array());
    }

    static void putLong(Path file, long at, long value, ByteOrder order) throws IOException {
        write(file, at, ByteBuffer.allocate(8).order(order).putLong(value).array());
    }

    static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    static int adler(byte[] data, int from, int length) {
        Adler32 adler = new Adler32();
        adler.update(data, from, length);
        return (int) adler.getValue();
    }

    static int crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return (int) crc.getValue();
    }

    /** Opening and reading every byte fails within 20 s with an ImageFormatException naming the file. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertClearError(Path image) {
        return assertClearError(image, image.getFileName().toString());
    }

    /** The same, for damage in another file of the image ({@code damaged}: a segment, an extent). */
    static AbstractThrowableAssert<?, ? extends Throwable> assertClearError(Path image, String damaged) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> readAll(image))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining(damaged)
                .hasMessageContaining("at file offset 0x"));
    }

    /** Opens the image and reads its whole disk, returning how many bytes it read. */
    static long readAll(Path image) throws IOException {
        try (DiskImage opened = DiskImages.open(image)) {
            byte[] buffer = new byte[1 << 20];
            long size = opened.virtualSize();
            for (long at = 0; at < size; at += buffer.length) {
                opened.disk().readFully(at, buffer, 0, (int) Math.min(buffer.length, size - at));
            }
            return size;
        }
    }
}
