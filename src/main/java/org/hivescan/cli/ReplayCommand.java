package org.hivescan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder; the log-replay work replaces it. */
@Command(name = "replay", description = "Write a recovered copy of a dirty hive (not yet available).")
public final class ReplayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("hivescan replay: not yet available");
        return ExitCodes.USAGE;
    }
}
