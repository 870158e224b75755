package org.hivescan.audit.model;

import java.util.List;
import java.util.Map;
import org.hivescan.audit.HiveRole;

/**
 * The knowledge tables of tls-rules.md that the TLS check kinds interpret.
 *
 * @param windows11From a client build from which Windows is Windows 11 (§5)
 * @param builds the build table (§5)
 * @param dotnetReleases minimum Release per .NET 4.5+ version (§3b)
 * @param schannelDefaults SChannel state when no value is set, per build range (§2b)
 * @param winhttpDefaults the WinHTTP protocol set when DefaultSecureProtocols is absent (§1c)
 * @param winhttpBits the protocol bits (§1a)
 * @param cipherSuites cipher-suite lists and locations (§4)
 * @param schannelRoot SYSTEM path of SCHANNEL\Protocols
 * @param winhttpPath SOFTWARE path of Internet Settings\WinHttp (native view)
 * @param winhttpFixArticle DefaultSecureProtocols written by --fix (the article's value)
 * @param winhttpFixStrict DefaultSecureProtocols written by --fix --tls12-only
 * @param strictDisable protocols --tls12-only disables in SChannel
 */
public record Tables(Integer windows11From, List<BuildName> builds, List<DotnetRelease> dotnetReleases,
        List<SchannelRow> schannelDefaults, List<WinHttpRow> winhttpDefaults, List<BitName> winhttpBits,
        CipherTables cipherSuites, String schannelRoot, String winhttpPath, String winhttpFixArticle,
        String winhttpFixStrict, List<String> strictDisable) {

    /** A row of the build table. */
    public record BuildName(int build, String client, String server) {
    }

    /** A .NET Framework version and the lowest Release value that means it. */
    public record DotnetRelease(long release, String version) {
    }

    /**
     * SChannel defaults from a build on.
     *
     * @param protocols protocol name to [client, server] states (E, D, NS)
     */
    public record SchannelRow(int from, String label, String note, Map<String, List<String>> protocols) {
    }

    /** WinHTTP default protocol bits from a build on. */
    public record WinHttpRow(int from, String bits, String label) {
    }

    /** A protocol bit of DefaultSecureProtocols / SecureProtocols. */
    public record BitName(String bit, String name) {
    }

    /** An OS default cipher list (the M365-relevant part) from a build on. */
    public record SuiteRow(int from, String label, List<String> suites) {
    }

    /** A place where a configured cipher-suite order can live (§4a). */
    public record SuiteSource(String id, HiveRole hive, String path, String value, String label) {
    }

    /**
     * The cipher-suite tables of §4.
     *
     * @param curveSuffixes name endings stripped before matching (§4a.4)
     * @param addCurveSuffixes the endings a fix writes for an ECDHE suite on builds before curveSuffixesBefore
     * @param keyExchange suite name part (ECDHE, DHE, RSA) to the SCHANNEL leaf it needs
     * @param ciphers suite name part (AES_128, AES_256) to the SCHANNEL leaf it needs
     * @param hashes suite name ending (SHA384, SHA256) to the SCHANNEL leaf it needs
     */
    public record CipherTables(List<String> m365Tls12, List<String> afdTls12, List<String> afdTls13,
            List<SuiteRow> osDefaults, List<SuiteSource> sources, Integer policyMaxChars,
            List<String> curveSuffixes, List<String> addCurveSuffixes, Integer curveSuffixesBefore, String algorithmRoot,
            Map<String, String> keyExchange, Map<String, String> ciphers, Map<String, String> hashes,
            Integer dheFixedFromBuild, Integer dhePatchedBuild, Integer dheFixedFromUbr, Integer dhClientMinBitsMax, String eccCurvesPath,
            List<String> eccCurvesRequiredAny) {
    }
}
