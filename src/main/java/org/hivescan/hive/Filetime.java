package org.hivescan.hive;

import java.time.Instant;

/** FILETIME: 100-nanosecond units since 1601-01-01 UTC, converted without losing precision. */
public final class Filetime {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private Filetime() {
    }

    public static Instant toInstant(long filetime) {
        long seconds = Long.divideUnsigned(filetime, 10_000_000L);
        long hundredNanos = Long.remainderUnsigned(filetime, 10_000_000L);
        return Instant.ofEpochSecond(seconds - EPOCH_DIFF_SECONDS, hundredNanos * 100);
    }

    /**
     * ISO-8601 UTC with all seven fractional digits, e.g. 2017-11-20T10:01:02.1234567Z. Built by hand rather than
     * with a formatter: exports print one per key, hundreds of thousands of times.
     */
    public static String format(long filetime) {
        long seconds = Long.divideUnsigned(filetime, 10_000_000L);
        int fraction = (int) Long.remainderUnsigned(filetime, 10_000_000L);
        // FILETIME counts from 1601-01-01, and is unsigned, so the days are never negative.
        long days = seconds / 86_400;
        int secondOfDay = (int) (seconds % 86_400);
        long[] date = civilDate(days - DAYS_1601_TO_1970);
        long year = date[0];
        char[] out = new char[year > 9999 ? 30 : 28];
        int at = 0;
        if (year > 9999) {
            out[at++] = '+';
        }
        at = digits(out, at, year, year > 9999 ? 5 : 4);
        out[at++] = '-';
        at = digits(out, at, date[1], 2);
        out[at++] = '-';
        at = digits(out, at, date[2], 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        out[at++] = '.';
        at = digits(out, at, fraction, 7);
        out[at] = 'Z';
        return new String(out);
    }

    /** Days from 1601-01-01 to 1970-01-01. */
    private static final long DAYS_1601_TO_1970 = EPOCH_DIFF_SECONDS / 86_400;

    /**
     * Year, month and day of a day counted from 1970-01-01 in the proleptic Gregorian calendar, as java.time counts
     * them, by the era arithmetic of H. Hinnant's "chrono-compatible low-level date algorithms" (civil_from_days).
     * Written out because a JSON Lines export formats one date per key, and java.time's objects cost more than the
     * rest of the key. FiletimeTest holds it to java.time.
     */
    private static long[] civilDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return new long[] {year, month, day};
    }

    /** Writes {@code value} as exactly {@code width} decimal digits, zero-padded on the left. */
    private static int digits(char[] out, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
