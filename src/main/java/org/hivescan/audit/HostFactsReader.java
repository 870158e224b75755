package org.hivescan.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.audit.model.Tables;
import org.hivescan.bytes.HiveFormatException;

/** Reads {@link HostFacts} from the hives (§0, §3b, §5), recording the evidence for rule OS1. */
final class HostFactsReader {
    private static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    private static final String NDP = "Microsoft\\NET Framework Setup\\NDP";

    private final Registry reg;
    private final Tables tables;
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    HostFactsReader(Registry reg, Tables tables) {
        this.reg = reg;
        this.tables = tables;
    }

    /** The evidence of every value read by {@link #read}. */
    List<Evidence> evidence() {
        return evidence;
    }

    HostFacts read(Integer osBuild) throws HiveFormatException {
        String product = text(HiveRole.SOFTWARE, CURRENT_VERSION, "ProductName");
        Integer hiveBuild = hiveBuild();
        Integer build = chooseBuild(hiveBuild, osBuild);
        String source = build == null ? null : osBuild != null ? "--os-build" : "SOFTWARE CurrentBuildNumber";
        String type = installationType();
        String[] arch = architecture();
        Long release = number(HiveRole.SOFTWARE, NDP + "\\v4\\Full", "Release");
        return new HostFacts(computerName(), product, build, source,
                number(HiveRole.SOFTWARE, CURRENT_VERSION, "UBR"), displayVersion(),
                text(HiveRole.SOFTWARE, CURRENT_VERSION, "EditionID"), type, windowsName(build, type, product),
                text(HiveRole.SOFTWARE, CURRENT_VERSION, "CSDVersion"), arch[0], arch[1], reg.controlSet(),
                release, dotnetVersion(release), dotnet35(), notes);
    }

    private Integer chooseBuild(Integer hiveBuild, Integer osBuild) {
        if (osBuild != null && hiveBuild != null && !osBuild.equals(hiveBuild)) {
            notes.add("--os-build " + osBuild + " overrides CurrentBuildNumber " + hiveBuild + " from SOFTWARE");
        }
        return osBuild != null ? osBuild : hiveBuild;
    }

    private Integer hiveBuild() throws HiveFormatException {
        for (String name : List.of("CurrentBuildNumber", "CurrentBuild")) {
            String s = text(HiveRole.SOFTWARE, CURRENT_VERSION, name);
            if (s != null && s.trim().matches("\\d{1,6}")) {
                return Integer.parseInt(s.trim());
            }
        }
        return null;
    }

    private String computerName() throws HiveFormatException {
        String name = text(HiveRole.SYSTEM, "CurrentControlSet\\Control\\ComputerName\\ComputerName",
                "ComputerName");
        return name != null ? name : text(HiveRole.SYSTEM, "CurrentControlSet\\Services\\Tcpip\\Parameters",
                "Hostname");
    }

    private String displayVersion() throws HiveFormatException {
        String dv = text(HiveRole.SOFTWARE, CURRENT_VERSION, "DisplayVersion");
        return dv != null ? dv : text(HiveRole.SOFTWARE, CURRENT_VERSION, "ReleaseId");
    }

    /** InstallationType; else SYSTEM ProductOptions\ProductType (WinNT = workstation, §5). */
    private String installationType() throws HiveFormatException {
        String t = text(HiveRole.SOFTWARE, CURRENT_VERSION, "InstallationType");
        if (t != null) {
            return t;
        }
        String pt = text(HiveRole.SYSTEM, "CurrentControlSet\\Control\\ProductOptions", "ProductType");
        if (pt == null) {
            return null;
        }
        return switch (pt.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "WINNT" -> "Client";
            case "SERVERNT", "LANMANNT" -> "Server";
            default -> null;
        };
    }

    /** PROCESSOR_ARCHITECTURE (§0); without SYSTEM, a Wow6432Node key in SOFTWARE means 64-bit Windows. */
    private String[] architecture() throws HiveFormatException {
        String a = text(HiveRole.SYSTEM, "CurrentControlSet\\Control\\Session Manager\\Environment",
                "PROCESSOR_ARCHITECTURE");
        if (a != null) {
            return new String[] {a, "SYSTEM PROCESSOR_ARCHITECTURE"};
        }
        if (!reg.has(HiveRole.SOFTWARE)) {
            return new String[] {null, null};
        }
        evidence.add(reg.keyEvidence(HiveRole.SOFTWARE, "Wow6432Node"));
        boolean wow = reg.key(HiveRole.SOFTWARE, "Wow6432Node").isPresent();
        notes.add("architecture inferred from " + (wow ? "the presence" : "the absence")
                + " of SOFTWARE\\Wow6432Node (no PROCESSOR_ARCHITECTURE)");
        return new String[] {wow ? "64-bit" : "x86", "inferred from SOFTWARE\\Wow6432Node"};
    }

    private Boolean dotnet35() throws HiveFormatException {
        if (!reg.has(HiveRole.SOFTWARE)) {
            return null;
        }
        Long install = number(HiveRole.SOFTWARE, NDP + "\\v3.5", "Install");
        return install != null && install == 1;
    }

    private String dotnetVersion(Long release) {
        if (release == null) {
            return null;
        }
        String best = null;
        for (Tables.DotnetRelease r : tables.dotnetReleases()) {
            if (release >= r.release()) {
                best = r.version();
            }
        }
        return best == null ? "below 4.5" : best;
    }

    /** The name for a build and installation type; Windows 11 from the build, never from ProductName (§5). */
    String windowsName(Integer build, String type, String product) {
        if (build == null) {
            return product;
        }
        boolean server = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("server");
        boolean client = type != null && !server;
        Optional<Tables.BuildName> row = tables.builds().stream().filter(b -> b.build() == build).findFirst();
        String name = row.map(r -> server ? r.server() : client ? r.client() : either(r)).orElse(null);
        if (name == null && client && tables.windows11From() != null && build >= tables.windows11From()) {
            name = "Windows 11";
        }
        return name != null ? name : product != null ? product : "Windows (build not in the §5 table)";
    }

    private static String either(Tables.BuildName r) {
        if (r.client() == null || r.server() == null) {
            return r.client() != null ? r.client() : r.server();
        }
        return r.client() + " / " + r.server();
    }

    private String text(HiveRole role, String path, String name) throws HiveFormatException {
        Reading r = readWithEvidence(role, path, name);
        return r == null ? null : r.text().orElse(null);
    }

    private Long number(HiveRole role, String path, String name) throws HiveFormatException {
        Reading r = readWithEvidence(role, path, name);
        return r == null ? null : r.dword().orElse(null);
    }

    /** Reads a value and records it as evidence; null when that hive is not at hand. */
    private Reading readWithEvidence(HiveRole role, String path, String name) throws HiveFormatException {
        if (!reg.has(role)) {
            return null;
        }
        Reading r = reg.read(role, path, name);
        evidence.add(r.evidence());
        return r;
    }
}
