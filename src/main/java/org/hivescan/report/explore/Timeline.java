package org.hivescan.report.explore;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Filetime;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.report.Escaping;
import org.hivescan.report.RegExport;

/**
 * Keys in order of their last-written time (oldest first, then by path), from a key down: the registry's part of
 * a forensic timeline. Written as CSV or as a Sleuth Kit body file for mactime, where the key's time is the
 * modification time.
 */
public final class Timeline {
    /** A key's full path and last-written FILETIME. */
    public record Entry(long filetime, String path) {
    }

    private Timeline() {
    }

    /** Every key from {@code start} written at or after {@code since} (null: all), sorted by time then path. */
    public static List<Entry> collect(Hive hive, Key start, String mountPoint, Instant since)
            throws HiveFormatException, IOException {
        List<Entry> entries = new ArrayList<>();
        hive.walkFrom(start, new HiveVisitor() {
            @Override
            public boolean key(Key key) {
                long filetime = key.lastWrittenFiletime();
                if (since == null || !Filetime.toInstant(filetime).isBefore(since)) {
                    entries.add(new Entry(filetime, RegExport.fullPath(mountPoint, key)));
                }
                return true;
            }

            @Override
            public boolean wantsValues() {
                return false;
            }
        });
        entries.sort(Comparator.comparing((Entry e) -> e.filetime(), Long::compareUnsigned)
                .thenComparing(Entry::path));
        return entries;
    }

    /** CSV with a header: the ISO-8601 UTC time (100 ns precision) and the path, quoted and formula-safe. */
    public static void csv(List<Entry> entries, PrintWriter out) {
        out.println("last_written,path");
        for (Entry e : entries) {
            out.println(Filetime.format(e.filetime()) + "," + Escaping.csv(e.path()));
        }
    }

    /**
     * The body file of The Sleuth Kit 3.x: MD5|name|inode|mode|UID|GID|size|atime|mtime|ctime|crtime, times in
     * whole seconds since 1970; a registry key has only its last-written time, given as mtime (the others 0).
     * A "|" in a name would shift the columns, so it is written as %7C.
     */
    public static void bodyfile(List<Entry> entries, PrintWriter out) {
        for (Entry e : entries) {
            long seconds = Filetime.toInstant(e.filetime()).getEpochSecond();
            String name = Escaping.terminal(e.path()).replace("|", "%7C");
            out.println("0|" + name + "|0|0|0|0|0|0|" + seconds + "|0|0");
        }
    }
}
