package org.hivescan.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written FILETIME formatter against java.time, over the whole unsigned 64-bit range. */
class FiletimeTest {
    /** What java.time says, in the same shape (a '+' and five digits past year 9999). */
    private static String reference(long filetime) {
        long seconds = Long.divideUnsigned(filetime, 10_000_000L);
        long hundredNanos = Long.remainderUnsigned(filetime, 10_000_000L);
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds - 11_644_473_600L, 0, ZoneOffset.UTC);
        String year = d.getYear() > 9999 ? "+" + d.getYear() : String.format("%04d", d.getYear());
        return String.format("%s-%02d-%02dT%02d:%02d:%02d.%07dZ", year, d.getMonthValue(), d.getDayOfMonth(),
                d.getHour(), d.getMinute(), d.getSecond(), hundredNanos);
    }

    @Test
    void knownInstants() {
        assertThat(Filetime.format(0)).isEqualTo("1601-01-01T00:00:00.0000000Z");
        assertThat(Filetime.format(116_444_736_000_000_000L)).isEqualTo("1970-01-01T00:00:00.0000000Z");
        assertThat(Filetime.format(129_095_917_646_260_000L)).isEqualTo("2010-02-02T13:42:44.6260000Z");
        assertThat(Filetime.format(-1L)).isEqualTo("+60056-05-28T05:36:10.9551615Z");
    }

    @Test
    void leapDaysAndCenturyBoundaries() {
        long day = 864_000_000_000L;
        long start = 116_444_736_000_000_000L; // 1970-01-01
        for (long d = -135_000; d < 200_000; d += 1) {
            long filetime = start + d * day + 9_999_999L;
            if (filetime >= 0) {
                assertThat(Filetime.format(filetime)).as("day %d", d).isEqualTo(reference(filetime));
            }
        }
    }

    @Test
    void randomUnsignedFiletimes() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 200_000; i++) {
            long filetime = random.nextLong();
            assertThat(Filetime.format(filetime)).as("0x%016X", filetime).isEqualTo(reference(filetime));
        }
    }
}
