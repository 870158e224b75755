package org.hivescan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder; the audit work replaces it. */
@Command(name = "audit", description = "Audit TLS 1.2 readiness (not yet available).")
public final class AuditCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("hivescan audit: not yet available");
        return ExitCodes.USAGE;
    }
}
