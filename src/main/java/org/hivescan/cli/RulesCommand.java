package org.hivescan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder; the audit work replaces it. */
@Command(name = "rules", description = "List the audit rules in effect (not yet available).")
public final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("hivescan rules: not yet available");
        return ExitCodes.USAGE;
    }
}
