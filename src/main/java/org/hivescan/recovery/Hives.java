package org.hivescan.recovery;

import java.nio.file.Path;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;

/**
 * The entry point for reading a hive. {@code Hives.open(path)} opens a hive file read-only and, when the hive is
 * dirty, replays its transaction logs ({@code NAME.LOG}, {@code .LOG1}, {@code .LOG2} beside it) in memory, so the
 * answers are what Windows would see; the files are never written.
 *
 * <pre>{@code
 * try (Hive hive = Hives.open(Path.of("SOFTWARE"))) {
 *     Optional<String> build = hive.key("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")
 *             .flatMap(k -> k.value("CurrentBuild"))
 *             .flatMap(Value::asString);
 * }
 * }</pre>
 *
 * <p>Errors are unchecked {@link org.hivescan.bytes.HiveException}s (malformed input, an I/O fault, a read after
 * close), so the calls compose in lambdas. A hive may be read from several threads at once; see {@link Hive}.
 */
public final class Hives {
    private Hives() {
    }

    /** Opens a hive file, replaying its logs when it is dirty, reading leniently. */
    public static Hive open(Path file) throws HiveFormatException {
        return open(file, LoadOptions.defaults());
    }

    /** Opens a hive file as the options say ({@link LoadOptions#withoutLogs()} skips replay). */
    public static Hive open(Path file, LoadOptions options) throws HiveFormatException {
        return HiveLoader.open(file, options).hive();
    }

    /**
     * Opens a hive read from any source (a file inside a disk image, a zip member, a remote file), replaying the
     * logs the locator finds when it is dirty; takes ownership of the source, which the hive closes.
     */
    public static Hive open(ByteSource primary, LogLocator logs, LoadOptions options) throws HiveFormatException {
        return HiveLoader.open(primary, logs, options).hive();
    }

    /** Like {@link #open(Path, LoadOptions)}, also saying what log recovery found and did. */
    public static LoadedHive load(Path file, LoadOptions options) throws HiveFormatException {
        return HiveLoader.open(file, options);
    }

    /** Like {@link #open(ByteSource, LogLocator, LoadOptions)}, also saying what log recovery found and did. */
    public static LoadedHive load(ByteSource primary, LogLocator logs, LoadOptions options)
            throws HiveFormatException {
        return HiveLoader.open(primary, logs, options);
    }
}
