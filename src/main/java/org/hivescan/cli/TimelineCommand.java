package org.hivescan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.explore.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code hivescan timeline HIVE [KEY]}: keys by last-written time, as CSV or a mactime body file. */
@Command(name = "timeline", description = "List keys by last-written time (oldest first), as CSV or as a body "
        + "file for mactime.")
public final class TimelineCommand extends HiveCommand implements Callable<Integer> {
    enum Format { csv, bodyfile }

    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KEY", description = "Only this key and those below.")
    String keyPath;

    @Option(names = "--since", paramLabel = "TIME", converter = Since.class, description = "Only keys written at "
            + "or after TIME: 2024-03-01 (UTC midnight) or 2024-03-01T12:00:00Z.")
    Instant since;

    @Option(names = {"-f", "--format"}, defaultValue = "csv", description = "csv (default) or bodyfile.")
    Format format;

    @Option(names = "--root", paramLabel = "PREFIX", description = "Root shown before paths (default from hive kind).")
    String root;

    /** A date (UTC midnight) or an ISO-8601 instant. */
    static final class Since implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value)
                        : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date such as 2024-03-01 or a UTC time such as "
                        + "2024-03-01T12:00:00Z, found '" + value + "'");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Hive h = loaded.hive();
            Optional<Key> start = CommandSupport.resolveKey(h, keyPath, err());
            if (start.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            List<Timeline.Entry> entries = Timeline.collect(h, start.get(), CommandSupport.mountPoint(h, root), since);
            if (format == Format.bodyfile) {
                Timeline.bodyfile(entries, out);
            } else {
                Timeline.csv(entries, out);
            }
            CommandSupport.printDiagnostics(h, err());
        }
        return ExitCodes.OK;
    }
}
