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

    /** ISO-8601 UTC with all seven fractional digits, e.g. 2017-11-20T10:01:02.1234567Z. */
    public static String format(long filetime) {
        Instant t = toInstant(filetime);
        String base = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(t.atZone(java.time.ZoneOffset.UTC).withNano(0));
        return base + String.format(".%07dZ", t.getNano() / 100);
    }
}
