package org.hivescan.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns a file argument into a Path. Under a non-UTF-8 locale (LC_ALL=C) Java 17 decodes non-ASCII bytes of the
 * command line as U+FFFD and cannot encode such a name back to open the file (its file-name charset comes from
 * the locale and cannot be overridden). bin/hivescan avoids that by running Java under a UTF-8 locale; this says
 * what to do, in one line, when Java is run some other way.
 */
final class PathArgument implements ITypeConverter<Path> {
    static final String LOCALE_HINT = "cannot decode this file name in the current locale's character set; "
            + "use a UTF-8 locale (LC_ALL=C.UTF-8) or run hivescan through bin/hivescan";

    @Override
    public Path convert(String value) {
        if (value.indexOf('\uFFFD') >= 0) {
            throw new TypeConversionException(LOCALE_HINT);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException(LOCALE_HINT);
        }
    }
}
