package org.hivescan.report.explore;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveVisitor;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.report.RegExport;

/**
 * Searches key names, value names and value data below a key, like RECmd's --sk/--sv/--sd: the pattern is a
 * case-insensitive substring or, when asked, a regular expression. Data is matched as {@link DataText} shows it.
 * Hits stream out in walk order (parents first), so a search of a large hive can be cut short by its reader.
 */
public final class HiveSearch {
    /** What a search looks at. */
    public enum Scope { KEYS, VALUES, DATA }

    /** What a hit matched. */
    public enum Match { KEY, VALUE, DATA }

    /**
     * One hit: the key's full path, and for values the value's name, type and data as text (empty for a key).
     */
    public record Hit(Match match, String path, String valueName, String typeName, String data) {
    }

    /** Receives hits as they are found. */
    @FunctionalInterface
    public interface HitSink {
        void accept(Hit hit) throws IOException;
    }

    private final Pattern pattern;
    private final Set<Scope> scopes;

    private HiveSearch(Pattern pattern, Set<Scope> scopes) {
        this.pattern = pattern;
        this.scopes = scopes.isEmpty() ? EnumSet.allOf(Scope.class) : EnumSet.copyOf(scopes);
    }

    /** A search for {@code text}: a regular expression when {@code regex}, else a literal; case-insensitive. */
    public static HiveSearch of(String text, boolean regex, Set<Scope> scopes) {
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | (regex ? 0 : Pattern.LITERAL);
        return new HiveSearch(Pattern.compile(text, flags), scopes);
    }

    /**
     * Walks from {@code start}; data too large or unreadable is reported to the hive's diagnostics and skipped.
     *
     * @return the number of hits
     */
    public long run(Hive hive, Key start, String mountPoint, HitSink sink) throws HiveFormatException, IOException {
        long[] hits = new long[1];
        boolean wantsValues = scopes.contains(Scope.VALUES) || scopes.contains(Scope.DATA);
        hive.walkFrom(start, new HiveVisitor() {
            @Override
            public boolean key(Key key) throws IOException {
                if (scopes.contains(Scope.KEYS) && found(key.name())) {
                    hits[0]++;
                    sink.accept(new Hit(Match.KEY, RegExport.fullPath(mountPoint, key), "", "", ""));
                }
                return true;
            }

            @Override
            public boolean wantsValues() {
                return wantsValues;
            }

            @Override
            public void value(Key key, Value value) throws HiveFormatException, IOException {
                Hit hit = match(key, value, mountPoint);
                if (hit != null) {
                    hits[0]++;
                    sink.accept(hit);
                }
            }
        });
        return hits[0];
    }

    private Hit match(Key key, Value value, String mountPoint) throws HiveFormatException {
        String path = RegExport.fullPath(mountPoint, key);
        if (scopes.contains(Scope.VALUES) && found(value.name())) {
            return new Hit(Match.VALUE, path, value.name(), value.typeName(), dataOrEmpty(value));
        }
        if (scopes.contains(Scope.DATA)) {
            String data = dataOrNull(value);
            if (data != null && found(data)) {
                return new Hit(Match.DATA, path, value.name(), value.typeName(), data);
            }
        }
        return null;
    }

    private boolean found(String text) {
        return pattern.matcher(text).find();
    }

    private static String dataOrEmpty(Value value) throws HiveFormatException {
        String data = dataOrNull(value);
        return data == null ? "" : data;
    }

    private static String dataOrNull(Value value) throws HiveFormatException {
        try {
            return DataText.of(value.type(), value.data());
        } catch (HiveFormatException e) {
            value.hive().diagnostics().report(e);
            return null;
        }
    }
}
