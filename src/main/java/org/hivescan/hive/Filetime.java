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
        Instant t = toInstant(filetime);
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0,
                java.time.ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(28);
        int year = d.getYear();
        if (year > 9999) {
            sb.append('+');
        }
        pad(sb, year, 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append('T');
        pad(sb, d.getHour(), 2).append(':');
        pad(sb, d.getMinute(), 2).append(':');
        pad(sb, d.getSecond(), 2).append('.');
        return pad(sb, t.getNano() / 100, 7).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
