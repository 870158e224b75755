package org.hivescan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hivescan.audit.Auditor;
import org.hivescan.audit.model.RuleFileException;
import org.hivescan.audit.model.RuleSet;
import org.hivescan.audit.model.RuleSetLoader;
import org.hivescan.report.audit.RulesListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hivescan rules}: the audit rules in effect (built-in, or merged with a site file). */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the audit rules in effect: the built-in rule set, merged with --rules FILE if given.")
public final class RulesCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra or overriding rules (YAML or JSON).")
    Path rulesFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RuleSet set;
        try {
            set = RuleSetLoader.load(rulesFile);
            new Auditor(set);
        } catch (RuleFileException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("hivescan rules: " + Messages.oneLine(e.getMessage()));
            return ExitCodes.USAGE;
        }
        if (format == Format.json) {
            RulesListing.json(set, out);
        } else {
            RulesListing.text(set, out);
        }
        return ExitCodes.OK;
    }
}
