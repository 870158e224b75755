package org.hivescan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hivescan.hive.HiveOptions;
import org.hivescan.recovery.LoadOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by every command that reads a hive (a picocli mixin). */
public final class HiveInputOptions {
    @Option(names = "--strict", description = "Stop at the first structural problem instead of reading on.")
    boolean strict;

    @Option(names = "--no-logs", description = "Read the primary file as it is; do not replay .LOG1/.LOG2.")
    boolean noLogs;

    @Option(names = "--log", paramLabel = "FILE", converter = ReadableFile.class, description = "A transaction "
            + "log to use (repeatable); by default the logs beside the hive are used.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--max-value-bytes", paramLabel = "N", converter = ByteCount.class, description = "Leave out "
            + "values larger than this, and say so (default: ${DEFAULT-VALUE}).",
            defaultValue = "" + HiveOptions.DEFAULT_MAX_VALUE_BYTES)
    int maxValueBytes;

    public LoadOptions loadOptions() {
        HiveOptions hive = HiveOptions.lenient().withStrict(strict).withMaxValueBytes(maxValueBytes);
        return new LoadOptions(hive, !noLogs, List.copyOf(logs));
    }

    /** A file that must exist and be readable now: a missing --log is an error, not a silent no-op. */
    static final class ReadableFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = new PathArgument().convert(value);
            String problem = Messages.unreadable(path);
            if (problem != null) {
                throw new TypeConversionException(value + ": " + problem);
            }
            return path;
        }
    }

    /** A byte count: a whole number, 0 or more. */
    static final class ByteCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("expected a number of bytes from 0 to " + Integer.MAX_VALUE
                    + ", found '" + value + "'");
        }
    }
}
