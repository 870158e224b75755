package org.hivescan.spark.fs;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.hivescan.bytes.ByteSource;
import org.hivescan.scan.ScanEntry;
import org.hivescan.scan.ScanFiles;

/**
 * {@link ScanFiles} over Hadoop's {@link FileSystem}: {@code file://}, {@code hdfs://}, {@code s3a://} or any other
 * scheme the configuration knows. Paths keep the form the user wrote (a child is its folder's string plus
 * {@code /name}), so a scan of {@code /cases} through Hadoop prints the same sources, and derives the same host
 * ids, as the local scan. Files are read by positional reads ({@link HadoopByteSource}); every byte fetched is
 * also added to this instance's counter, so one instance per host counts what that host cost.
 *
 * <p>It is {@link Serializable} (the configuration travels with it) and opens its file systems lazily in each task.
 * There is no {@link #localPath}: even on {@code file://} the bytes go through Hadoop, as they would remotely.
 */
public final class HadoopScanFiles implements ScanFiles, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SCHEME_AUTHORITY = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*)://([^/]*)(.*)$");

    private final SerializableConfiguration conf;
    private final int blockSize;
    private transient LongAdder fetched;

    public HadoopScanFiles(Configuration conf) {
        this(new SerializableConfiguration(conf), HadoopByteSource.DEFAULT_BLOCK_SIZE);
    }

    private HadoopScanFiles(SerializableConfiguration conf, int blockSize) {
        this.conf = conf;
        this.blockSize = blockSize;
    }

    /** Same file systems and configuration, its own byte counter: one per host. */
    public HadoopScanFiles withFreshCounter() {
        return new HadoopScanFiles(conf, blockSize);
    }

    /** A copy fetching in blocks of {@code bytes} (larger suits object stores, where a fetch is a request). */
    public HadoopScanFiles withBlockSize(int bytes) {
        return new HadoopScanFiles(conf, bytes);
    }

    /** Bytes fetched through this instance so far. */
    public long bytesFetched() {
        return counter().sum();
    }

    private LongAdder counter() {
        if (fetched == null) {
            fetched = new LongAdder();
        }
        return fetched;
    }

    @Override
    public List<ScanEntry> list(String dir) throws IOException {
        Path path = toHadoop(dir);
        FileStatus[] statuses = fileSystem(path).listStatus(path);
        List<ScanEntry> out = new ArrayList<>(statuses.length);
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (FileStatus s : statuses) {
            // Links are not followed, as in the local walk: a link loop must not make the walk endless.
            if (s.isSymlink() || !(s.isFile() || s.isDirectory())) {
                continue;
            }
            String name = s.getPath().getName();
            out.add(new ScanEntry(name, prefix + name, s.isDirectory() ? 0 : s.getLen(), s.isDirectory()));
        }
        out.sort(Comparator.comparing(ScanEntry::name));
        return out;
    }

    @Override
    public ScanEntry stat(String path) throws IOException {
        Path p = toHadoop(path);
        FileStatus s = fileSystem(p).getFileStatus(p);
        String name = p.getName().isEmpty() ? path : p.getName();
        return new ScanEntry(name, path, s.isDirectory() ? 0 : s.getLen(), s.isDirectory());
    }

    @Override
    public ByteSource open(String path) throws IOException {
        Path p = toHadoop(path);
        return HadoopByteSource.open(fileSystem(p), p, path, blockSize, counter());
    }

    /**
     * The file system of {@code path}. On file:// that is the raw local one: Hadoop's default wraps it in a
     * checksum layer that looks for a {@code .crc} file beside every file, which inputs never have, and that fails
     * on names containing {@code :}.
     */
    private FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(conf.get());
        return fs instanceof LocalFileSystem checksummed ? checksummed.getRaw() : fs;
    }

    @Override
    public String parent(String path) {
        Matcher m = SCHEME_AUTHORITY.matcher(path);
        String head = m.matches() ? m.group(1) + "://" + m.group(2) : "";
        String rest = m.matches() ? m.group(3) : path;
        while (rest.length() > 1 && rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int cut = rest.lastIndexOf('/');
        if (cut < 0 || rest.equals("/")) {
            return null;
        }
        return head + (cut == 0 ? "/" : rest.substring(0, cut));
    }

    /**
     * The Hadoop path for a path string. Built from URI parts rather than parsed by {@code new Path(String)}, so
     * that names with {@code :}, {@code %}, spaces or control characters (hostile collections have them) are
     * taken literally.
     */
    public static Path toHadoop(String path) {
        Matcher m = SCHEME_AUTHORITY.matcher(path);
        try {
            if (m.matches()) {
                String rest = m.group(3).isEmpty() ? "/" : m.group(3);
                return new Path(new URI(m.group(1), m.group(2).isEmpty() ? null : m.group(2), rest, null, null));
            }
            return new Path(new URI(null, null, path, null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable path: " + path + " (" + e.getMessage() + ")", e);
        }
    }
}
