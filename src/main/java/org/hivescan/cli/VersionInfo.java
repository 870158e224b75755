package org.hivescan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.hivescan.audit.model.RuleSetLoader;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: the program version, the version of the built-in audit rules and the commit the
 * jar was built from. Maven writes the first and the last into build.properties; a build outside a git checkout
 * (a source tarball) leaves the commit unknown rather than failing.
 */
public final class VersionInfo implements IVersionProvider {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "/org/hivescan/cli/build.properties";

    @Override
    public String[] getVersion() {
        Properties build = buildProperties();
        String commit = filled(build.getProperty("commit"));
        return new String[] {
            "hivescan " + filled(build.getProperty("version")),
            "rules " + RuleSetLoader.builtIn().rulesVersion(),
            "commit " + commit,
        };
    }

    /** A property Maven did not fill keeps its ${...} placeholder: that, or no value, is "unknown". */
    static String filled(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // A jar without the file still runs; every field reads "unknown".
        }
        return p;
    }
}
