package org.hivescan.scan;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups hives into hosts. A SYSTEM and a SOFTWARE in the same folder (a {@code Windows/System32/config} folder,
 * a zip folder, an image partition folder) are one host; {@code HOST_SYSTEM}/{@code HOST-SOFTWARE.hiv} names pair
 * by their prefix. A folder with two SYSTEM (or two SOFTWARE) hives is reported and each hive becomes a host of
 * its own: hives are never merged on a guess. Identical hosts are found by fingerprint, confirmed by SHA-256, and
 * all but the first are marked {@code duplicate_of} it.
 */
public final class HostGrouper {
    private static final Pattern DRIVE = Pattern.compile("(?i)^[a-z]:$|^\\\\\\\\\\.\\\\[a-z]:$");
    private static final List<String> COLLECTION_FOLDERS = List.of("uploads", "auto", "ntfs", "mft", "lazy_ntfs",
            "file", "vss");

    /** Computes the SHA-256 of a hive when fingerprints collide. */
    public interface Sha256 {
        String of(HiveCandidate hive) throws IOException;
    }

    private final Sha256 sha256;

    public HostGrouper(Sha256 sha256) {
        this.sha256 = sha256;
    }

    /** A grouper over a file system, reading hives through it to confirm duplicates. */
    public static HostGrouper over(ScanFiles files) {
        return new HostGrouper(hive -> {
            if (hive.sha256() != null) {
                return hive.sha256();
            }
            try (var in = SourceOpener.open(files, hive.source())) {
                return Fingerprint.sha256(Fingerprint.Positional.of(in));
            }
        });
    }

    public Grouping group(List<HiveCandidate> candidates) {
        List<HostPlan> hosts = new ArrayList<>();
        List<String> ambiguities = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, List<HiveCandidate>> groups = new LinkedHashMap<>();
        for (HiveCandidate c : candidates) {
            switch (c.kind()) {
                case UNREADABLE -> hosts.add(errorPlan(c));
                case OTHER -> skipped.add(c.source().toString());
                default -> groups.computeIfAbsent(groupKey(c), k -> new ArrayList<>()).add(c);
            }
        }
        for (List<HiveCandidate> g : groups.values()) {
            hosts.addAll(plansOf(g, ambiguities));
        }
        hosts.sort(Comparator.comparing(HostGrouper::sortKey));
        return new Grouping(markDuplicates(hosts), ambiguities, skipped);
    }

    private static String groupKey(HiveCandidate c) {
        String prefix = c.prefix() == null ? "" : c.prefix().toLowerCase(Locale.ROOT);
        return c.folder() + "\u0000" + prefix;
    }

    private static String sortKey(HostPlan p) {
        return p.sources().isEmpty() ? p.hostId() : p.sources().get(0).toString();
    }

    private static List<HostPlan> plansOf(List<HiveCandidate> group, List<String> ambiguities) {
        List<HiveCandidate> systems = group.stream().filter(c -> c.kind() == ContentKind.SYSTEM).toList();
        List<HiveCandidate> softwares = group.stream().filter(c -> c.kind() == ContentKind.SOFTWARE).toList();
        if (systems.size() <= 1 && softwares.size() <= 1) {
            HiveCandidate sys = systems.isEmpty() ? null : systems.get(0);
            HiveCandidate soft = softwares.isEmpty() ? null : softwares.get(0);
            List<String> notes = new ArrayList<>();
            if (sys == null) {
                notes.add("partial host: no SYSTEM hive beside " + soft.source());
            } else if (soft == null) {
                notes.add("partial host: no SOFTWARE hive beside " + sys.source());
            }
            return List.of(plan(sys, soft, notes, null));
        }
        String folder = group.get(0).folder();
        String why = "ambiguous folder " + folder + ": " + systems.size() + " SYSTEM and " + softwares.size()
                + " SOFTWARE hives" + machines(systems) + "; not merged, each hive is audited alone";
        ambiguities.add(why);
        List<HostPlan> out = new ArrayList<>();
        for (HiveCandidate c : group) {
            boolean isSys = c.kind() == ContentKind.SYSTEM;
            out.add(plan(isSys ? c : null, isSys ? null : c, List.of(why), null));
        }
        return out;
    }

    private static String machines(List<HiveCandidate> systems) {
        List<String> names = systems.stream().map(HiveCandidate::computerName)
                .filter(n -> n != null).distinct().toList();
        return names.size() > 1 ? " from " + names.size() + " machines (" + String.join(", ", names) + ")" : "";
    }

    /** An unreadable file is a host of its own, in the slot its name suggests (it has no readable content). */
    private static HostPlan errorPlan(HiveCandidate c) {
        boolean software = c.source().fileName().toUpperCase(Locale.ROOT).contains("SOFTWARE");
        return plan(software ? null : c, software ? c : null, List.of(),
                c.problem() == null ? "unreadable" : c.problem());
    }

    private static HostPlan plan(HiveCandidate sys, HiveCandidate soft, List<String> notes, String error) {
        List<String> sources = new ArrayList<>();
        for (HiveCandidate c : new HiveCandidate[] {sys, soft}) {
            if (c != null) {
                sources.add(c.source().toString());
            }
        }
        HiveCandidate any = sys != null ? sys : soft;
        String name = sys != null && sys.computerName() != null && !sys.computerName().isBlank()
                ? sys.computerName() : any == null ? null : nameFromFolder(any);
        return new HostPlan(hostId(sources), name, sys, soft, null, notes, error);
    }

    /** A stable id from the printable sources: retries and resumed runs give the same id. */
    static String hostId(List<String> sources) {
        return Hashing.sha256().hashString(String.join("\n", sources), StandardCharsets.UTF_8).toString()
                .substring(0, 16);
    }

    /**
     * The host prefix if there is one, else the folder above {@code Windows/System32/config}, a drive letter
     * and a collection tool's own folders ({@code uploads/auto}), else the zip or image name.
     */
    static String nameFromFolder(HiveCandidate c) {
        if (c.prefix() != null && !c.prefix().isBlank()) {
            return c.prefix();
        }
        String folder = c.folder();
        int bang = folder.lastIndexOf('!');
        String outer = bang < 0 ? "" : folder.substring(0, bang);
        List<String> parts = new ArrayList<>(List.of((bang < 0 ? folder : folder.substring(bang + 1))
                .split("[/\\\\]+")));
        parts.removeIf(String::isEmpty);
        stripTail(parts, List.of("windows", "system32", "config"));
        while (!parts.isEmpty() && isCollectionNoise(parts.get(parts.size() - 1))) {
            parts.remove(parts.size() - 1);
        }
        if (!parts.isEmpty()) {
            return decode(parts.get(parts.size() - 1));
        }
        String container = outer.replaceAll("#p\\d+$", "");
        String base = container.substring(Math.max(container.lastIndexOf('/'), container.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base.isEmpty() ? folder : base;
    }

    private static void stripTail(List<String> parts, List<String> tail) {
        int n = parts.size();
        if (n < tail.size()) {
            return;
        }
        for (int i = 0; i < tail.size(); i++) {
            if (!parts.get(n - tail.size() + i).equalsIgnoreCase(tail.get(i))) {
                return;
            }
        }
        parts.subList(n - tail.size(), n).clear();
    }

    private static boolean isCollectionNoise(String part) {
        String d = decode(part);
        return DRIVE.matcher(d).matches() || COLLECTION_FOLDERS.contains(d.toLowerCase(Locale.ROOT));
    }

    /** KAPE and Velociraptor percent-encode names ({@code C%3A}); an undecodable name is kept as it is. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private List<HostPlan> markDuplicates(List<HostPlan> hosts) {
        Map<String, List<Integer>> byFingerprint = new LinkedHashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostPlan p = hosts.get(i);
            if (p.error() == null) {
                byFingerprint.computeIfAbsent(fingerprintKey(p), k -> new ArrayList<>()).add(i);
            }
        }
        List<HostPlan> out = new ArrayList<>(hosts);
        for (List<Integer> same : byFingerprint.values()) {
            if (same.size() > 1) {
                confirm(out, same);
            }
        }
        return out;
    }

    private static String fingerprintKey(HostPlan p) {
        return (p.system() == null ? "-" : p.system().fingerprint()) + "|"
                + (p.software() == null ? "-" : p.software().fingerprint());
    }

    /** Among hosts whose fingerprints agree, those whose SHA-256 agree too are duplicates of the first. */
    private void confirm(List<HostPlan> hosts, List<Integer> same) {
        Map<String, String> firstByHash = new LinkedHashMap<>();
        for (int i : same) {
            HostPlan p = hosts.get(i);
            try {
                HostPlan hashed = withHashes(p);
                String key = hashKey(hashed);
                String original = firstByHash.putIfAbsent(key, hashed.hostId());
                hosts.set(i, original == null ? hashed : hashed.withDuplicateOf(original));
            } catch (IOException | RuntimeException e) {
                // Cannot confirm: audit it as a host of its own rather than guess.
            }
        }
    }

    private HostPlan withHashes(HostPlan p) throws IOException {
        HiveCandidate sys = p.system() == null ? null : p.system().withSha256(sha256.of(p.system()));
        HiveCandidate soft = p.software() == null ? null : p.software().withSha256(sha256.of(p.software()));
        return new HostPlan(p.hostId(), p.nameHint(), sys, soft, p.duplicateOf(), p.notes(), p.error());
    }

    private static String hashKey(HostPlan p) {
        return (p.system() == null ? "-" : p.system().sha256()) + "|"
                + (p.software() == null ? "-" : p.software().sha256());
    }
}
