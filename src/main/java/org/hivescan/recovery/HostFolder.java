package org.hivescan.recovery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.io.FilenameUtils;
import org.apache.commons.io.IOCase;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;

/**
 * One host's hives in a folder: {@code SYSTEM} and {@code SOFTWARE} (any case) in the folder itself or in its
 * {@code Windows\System32\config}, as copied off a machine or mounted from its disk. A folder that holds more than one
 * candidate for a hive (both {@code SYSTEM} and {@code system}, or hives at both levels) is refused with the list of
 * candidates, since choosing one would audit a host that may not be the one meant.
 */
public final class HostFolder {
    private static final List<String> CONFIG = List.of("Windows", "System32", "config");
    private static final Duration YEARS_APART = Duration.ofDays(2 * 365);

    /** The hives found; either may be null, not both. */
    public record Found(Path system, Path software) {
    }

    /** More than one file could be the host's hive. */
    public static final class AmbiguousFolderException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<Path> candidates;

        AmbiguousFolderException(Path dir, List<Path> candidates) {
            super("more than one candidate hive in " + dir + ": " + candidates
                    + "; name the hives with --system/--software");
            this.candidates = List.copyOf(candidates);
        }

        public List<Path> candidates() {
            return candidates;
        }
    }

    private HostFolder() {
    }

    /** The host's hives in {@code dir}; empty when there is neither. */
    public static Optional<Found> find(Path dir) throws IOException, AmbiguousFolderException {
        List<Path> top = hivesIn(dir);
        Path config = configFolder(dir);
        List<Path> below = config == null ? List.of() : hivesIn(config);
        List<Path> all = new ArrayList<>(top);
        all.addAll(below);
        if (!top.isEmpty() && !below.isEmpty()) {
            throw new AmbiguousFolderException(dir, all);
        }
        Path system = only(dir, all, "SYSTEM");
        Path software = only(dir, all, "SOFTWARE");
        return system == null && software == null ? Optional.empty() : Optional.of(new Found(system, software));
    }

    private static Path only(Path dir, List<Path> found, String name) throws AmbiguousFolderException {
        List<Path> named = found.stream().filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).toList();
        if (named.size() > 1) {
            throw new AmbiguousFolderException(dir, named);
        }
        return named.isEmpty() ? null : named.get(0);
    }

    /** Regular files named SYSTEM or SOFTWARE in any case, sorted by name. */
    private static List<Path> hivesIn(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if ((name.equalsIgnoreCase("SYSTEM") || name.equalsIgnoreCase("SOFTWARE")) && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** {@code dir\Windows\System32\config} in any case, or null. */
    private static Path configFolder(Path dir) throws IOException {
        Path at = dir;
        for (String part : CONFIG) {
            at = subfolder(at, part);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static Path subfolder(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (p.getFileName().toString().equalsIgnoreCase(name) && Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Whether a log file belongs to a hive by its name, as Windows names logs: the hive's file name, a dot, and a
     * suffix ({@code SYSTEM.LOG1} to {@code SYSTEM}), compared case-insensitively.
     */
    public static boolean logBelongsTo(Path log, Path hive) {
        return IOCase.INSENSITIVE.checkStartsWith(FilenameUtils.getName(log.toString()),
                FilenameUtils.getName(hive.toString()) + ".");
    }

    /** The first of the logs that belongs to neither hive, or empty. */
    public static Optional<Path> unmatchedLog(List<Path> logs, Path system, Path software) {
        return logs.stream().filter(log -> !(system != null && logBelongsTo(log, system))
                && !(software != null && logBelongsTo(log, software))).findFirst();
    }

    /** The logs that belong to one hive. */
    public static List<Path> logsOf(List<Path> logs, Path hive) {
        return logs.stream().filter(log -> logBelongsTo(log, hive)).toList();
    }

    /**
     * Signs that a SYSTEM and a SOFTWARE hive come from different machines: a client build with a server
     * installation (or the reverse), different computer names where SOFTWARE records one
     * ({@code Reliability\LastComputerName}), and root keys last written years apart.
     */
    public static List<String> disagreements(Hive system, Hive software) throws HiveFormatException {
        List<String> out = new ArrayList<>();
        String productType = text(system, "CurrentControlSet\\Control\\ProductOptions", "ProductType");
        String installation = text(software, "Microsoft\\Windows NT\\CurrentVersion", "InstallationType");
        if (productType != null && installation != null) {
            boolean clientSystem = productType.equalsIgnoreCase("WinNT");
            boolean clientSoftware = installation.toLowerCase(Locale.ROOT).startsWith("client");
            if (clientSystem != clientSoftware) {
                out.add("SYSTEM says ProductType " + productType + " but SOFTWARE says InstallationType "
                        + installation + ": the hives may come from different machines");
            }
        }
        String name = text(system, "CurrentControlSet\\Control\\ComputerName\\ComputerName", "ComputerName");
        String recorded = text(software, "Microsoft\\Windows\\CurrentVersion\\Reliability", "LastComputerName");
        if (name != null && recorded != null && !name.equalsIgnoreCase(recorded)) {
            out.add("SYSTEM names the computer " + name + " but SOFTWARE records " + recorded
                    + ": the hives may come from different machines");
        }
        Instant a = system.root().lastWritten();
        Instant b = software.root().lastWritten();
        if (a.isAfter(Instant.EPOCH) && b.isAfter(Instant.EPOCH) && Duration.between(a, b).abs()
                .compareTo(YEARS_APART) > 0) {
            out.add("SYSTEM was last written " + a + " and SOFTWARE " + b
                    + ", years apart: the hives may come from different machines or backups");
        }
        return out;
    }

    private static String text(Hive hive, String key, String value) throws HiveFormatException {
        Optional<Key> k = hive.key(key);
        if (k.isEmpty()) {
            return null;
        }
        return k.get().value(value).flatMap(Value::asString).orElse(null);
    }
}
