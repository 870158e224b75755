package org.hivescan.audit;

import java.util.List;
import java.util.Locale;

/**
 * What the hives say about the host (§0, §3b, §5). Any field may be null when the hive that holds it is missing
 * or silent. Strings come from the hive: escape them on output.
 *
 * @param computerName ComputerName\ComputerName
 * @param productName ProductName as stored (display only: says "Windows 10" on Windows 11)
 * @param build the build number, from CurrentBuildNumber or --os-build
 * @param buildSource where the build came from
 * @param ubr the update build revision (Windows 10 and later)
 * @param displayVersion DisplayVersion, else ReleaseId
 * @param editionId EditionID
 * @param installationType Client, Server or Server Core (InstallationType, else ProductType)
 * @param windowsName the name derived from build and installation type (Windows 11 by build, §5)
 * @param csdVersion the service pack (CSDVersion), before Windows 8
 * @param architecture PROCESSOR_ARCHITECTURE (x86, AMD64, ARM64), or "64-bit"/"x86" when inferred
 * @param architectureSource where the architecture came from
 * @param controlSet the control set in use, from Select\Current
 * @param dotnetRelease NDP\v4\Full\Release
 * @param dotnetVersion the 4.x version that Release means (§3b)
 * @param dotnet35 whether .NET 3.5 is installed (NDP\v3.5\Install=1)
 * @param notes remarks on the facts (conflicts, inferences)
 */
public record HostFacts(String computerName, String productName, Integer build, String buildSource, Long ubr,
        String displayVersion, String editionId, String installationType, String windowsName, String csdVersion,
        String architecture, String architectureSource, String controlSet, Long dotnetRelease,
        String dotnetVersion, Boolean dotnet35, List<String> notes) {

    public HostFacts {
        notes = List.copyOf(notes);
    }

    /** True for 64-bit Windows (AMD64, ARM64, IA64), false for x86, null when unknown. */
    public Boolean is64Bit() {
        if (architecture == null) {
            return null;
        }
        String a = architecture.toUpperCase(Locale.ROOT);
        if (a.equals("X86")) {
            return false;
        }
        return a.equals("AMD64") || a.equals("ARM64") || a.equals("IA64") || a.equals("64-BIT") ? true : null;
    }

    /** "7601", or "14393.7428" with the UBR. */
    public String buildText() {
        if (build == null) {
            return null;
        }
        return ubr == null ? build.toString() : build + "." + ubr;
    }
}
