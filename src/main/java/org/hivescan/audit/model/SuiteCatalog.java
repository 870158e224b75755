package org.hivescan.audit.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cipher-suite names each Windows build knows (§9.3), from {@code cipher-suites-by-build.yaml} beside the
 * rules: SChannel ignores names it does not know, so a configured name counts only if the build has it.
 *
 * @param catalogVersion version of the data, reported with C1's finding
 * @param builds rows in build order; a row applies from its build to the next row's
 */
public record SuiteCatalog(String catalogVersion, List<Row> builds) {
    private static final String BUILT_IN = "/org/hivescan/audit/cipher-suites-by-build.yaml";
    private static volatile SuiteCatalog builtIn;

    /**
     * @param from first build the row applies to
     * @param label the Windows versions
     * @param source the Microsoft page listing the suites
     * @param suites the names the build accepts, exactly as spelled there
     */
    public record Row(int from, String label, String source, List<String> suites) {
        public Row {
            suites = suites == null ? List.of() : List.copyOf(suites);
        }

        /** Whether the build accepts this name (case-insensitive, as SChannel compares names). */
        public boolean knows(String name) {
            return suites.stream().anyMatch(s -> s.equalsIgnoreCase(name.trim()));
        }
    }

    public SuiteCatalog {
        builds = builds == null ? List.of() : List.copyOf(builds);
    }

    /** The row for a build, or empty before the first row or when the build is unknown. */
    public Optional<Row> forBuild(Integer build) {
        Row found = null;
        for (Row r : builds) {
            if (build != null && build >= r.from()) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether a name is catalogued for some build: only such names can match Microsoft 365 or Front Door. */
    public boolean catalogued(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return builds.stream().anyMatch(r -> r.knows(n));
    }

    /** The catalogue shipped in the jar, parsed once per JVM. */
    public static SuiteCatalog builtIn() {
        SuiteCatalog cached = builtIn;
        if (cached == null) {
            try (InputStream in = SuiteCatalog.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new RuleFileException("built-in cipher-suite catalogue " + BUILT_IN + " is missing");
                }
                cached = RecordBinder.bind(YamlTree.read(in.readAllBytes(), BUILT_IN), SuiteCatalog.class);
            } catch (IOException e) {
                throw new RuleFileException("cannot read " + BUILT_IN + ": " + e.getMessage(), e);
            }
            builtIn = cached;
        }
        return cached;
    }
}
