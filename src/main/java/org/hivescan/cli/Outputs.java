package org.hivescan.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hivescan.report.Escaping;

/**
 * The one rule for every file a command writes (-o, --fix, --fix-offline): "-" means standard output; an input
 * hive or one of its logs is never written, even with --force; an existing file is replaced only with --force
 * (devices such as /dev/null are simply written to).
 */
final class Outputs {
    private static final String STDOUT = "-";

    private Outputs() {
    }

    static boolean isStdout(Path output) {
        return output != null && output.toString().equals(STDOUT);
    }

    /**
     * Refuses (with a {@link UserError}, exit 2) to write {@code output} when it is evidence of one of the
     * {@code inputs}, when its folder is missing, or when it exists and {@code force} is not given.
     */
    static void check(Path output, boolean force, List<Path> inputs, List<Path> explicitLogs) throws IOException {
        if (output == null || isStdout(output)) {
            return;
        }
        for (Path input : inputs) {
            if (input != null && InputGuard.isEvidence(output, input, explicitLogs)) {
                throw refusal("refusing to write " + shown(output) + ": it is an input hive or one of its "
                        + "transaction logs");
            }
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw refusal("cannot write " + shown(output) + ": its folder does not exist");
        }
        if (Files.isDirectory(output)) {
            throw refusal("cannot write " + shown(output) + ": it is a folder");
        }
        // Only a file can be overwritten: a device or pipe (-o /dev/null) is written to, not replaced.
        if (!force && (Files.isRegularFile(output) || Files.isSymbolicLink(output) && !Files.exists(output))) {
            throw refusal("refusing to overwrite existing file " + shown(output) + " (use --force to replace it)");
        }
    }

    /**
     * Opens a checked output for writing: standard output (left open on close), a new file, or with
     * {@code force} a replaced one. A file that cannot be created is reported as "FILE: permission denied".
     */
    static OutputStream open(Path output, boolean force) {
        if (output == null || isStdout(output)) {
            return new BufferedOutputStream(Main.stdout(), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        boolean device = Files.exists(output) && !Files.isRegularFile(output);
        StandardOpenOption create = force || device ? StandardOpenOption.CREATE : StandardOpenOption.CREATE_NEW;
        try {
            return new BufferedOutputStream(Files.newOutputStream(output, create, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
        } catch (FileSystemException e) {
            throw refusal(Messages.describe(e));
        } catch (IOException e) {
            throw refusal("cannot write " + shown(output) + ": " + Messages.oneLine(e.getMessage()));
        }
    }

    /** Two outputs naming the same file (or both standard output) would overwrite each other. */
    static boolean same(Path a, Path b) throws IOException {
        if (a == null || b == null) {
            return false;
        }
        if (isStdout(a) || isStdout(b)) {
            return isStdout(a) && isStdout(b);
        }
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    static String shown(Path output) {
        return Escaping.terminal(output.toString());
    }

    private static UserError refusal(String message) {
        return new UserError(ExitCodes.USAGE, message);
    }
}
