import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.container.DiskImage;
import org.hivescan.container.DiskImages;

/**
 * Reads a set of ranges from each image given and prints one tab-separated line per image: file, format, virtual
 * size, bytes read, bytes fetched from the image file(s), wall milliseconds (open included), and a checksum of the
 * bytes read so every format can be seen to return the same data.
 *   java -cp target/hivescan.jar bench/container/RangeBench.java RANGES_FILE IMAGE...
 * RANGES_FILE: one "offset length" pair per line (decimal bytes).
 */
public final class RangeBench {
    public static void main(String[] args) throws Exception {
        List<long[]> ranges = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                ranges.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
            }
        }
        for (int i = 1; i < args.length; i++) {
            readAll(Path.of(args[i]), ranges);  // warm-up pass, so the first format does not pay for the JIT
        }
        System.out.println("image\tformat\tvirtual_size\tbytes_read\tbytes_fetched\twall_ms\tchecksum");
        for (int i = 1; i < args.length; i++) {
            long start = System.nanoTime();
            long read = 0;
            long checksum = 1;
            try (DiskImage image = DiskImages.open(Path.of(args[i]))) {
                for (long[] range : ranges) {
                    byte[] buffer = new byte[(int) range[1]];
                    image.disk().readFully(range[0], buffer, 0, buffer.length);
                    read += buffer.length;
                    for (byte b : buffer) {
                        checksum = checksum * 31 + b;
                    }
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%s\t%s\t%d\t%d\t%d\t%d\t%016x%n", Path.of(args[i]).getFileName(), image.format(),
                        image.virtualSize(), read, image.disk().bytesFetched(), ms, checksum);
            }
        }
    }

    private static void readAll(Path file, List<long[]> ranges) throws Exception {
        try (DiskImage image = DiskImages.open(file)) {
            for (long[] range : ranges) {
                image.disk().readFully(range[0], new byte[(int) range[1]], 0, (int) range[1]);
            }
        }
    }
}
