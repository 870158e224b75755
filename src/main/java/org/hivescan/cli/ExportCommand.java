package org.hivescan.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.CanonicalListing;
import org.hivescan.report.JsonLinesExport;
import org.hivescan.report.RegExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code hivescan export HIVE [KEY] --format reg|jsonl|canon [-o FILE]}. */
@Command(name = "export", description = "Export a hive or a subtree as .reg, JSON Lines or the canonical listing.")
public final class ExportCommand extends HiveCommand implements Callable<Integer> {
    enum Format { reg, jsonl, canon }

    enum Encoding { utf16le, utf8 }

    @Parameters(index = "0", paramLabel = "HIVE")
    Path hive;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KEY")
    String keyPath;

    @Option(names = {"-f", "--format"}, required = true, description = "reg, jsonl or canon.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout "
            + "(- for stdout); an existing file only with --force.")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists (never the input hive or its logs).")
    boolean force;

    @Option(names = "--encoding", converter = EncodingConverter.class, description = ".reg encoding: utf-16le "
            + "(with BOM, as regedit writes; the default for files and pipes) or utf-8 (the default on a terminal).")
    Encoding encoding;

    @Option(names = "--root", paramLabel = "PREFIX", description = "Root key for .reg and jsonl paths "
            + "(default from the hive kind, e.g. HKEY_LOCAL_MACHINE\\SYSTEM).")
    String root;

    static final class EncodingConverter implements picocli.CommandLine.ITypeConverter<Encoding> {
        @Override
        public Encoding convert(String value) {
            String v = value.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (Encoding e : Encoding.values()) {
                if (e.name().equals(v)) {
                    return e;
                }
            }
            throw new TypeConversionException("expected one of utf-16le, utf-8, found '" + value + "'");
        }
    }

    @Override
    public Integer call() throws Exception {
        Outputs.check(output, force, List.of(hive), input.loadOptions().explicitLogs());
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Hive h = loaded.hive();
            Optional<Key> start = CommandSupport.resolveKey(h, keyPath, err());
            if (start.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            out().flush();
            try (OutputStream out = Outputs.open(output, force)) {
                write(h, start.get(), out);
            }
            CommandSupport.printDiagnostics(h, err());
            return CommandSupport.completeness(h, start.get(), true, input.maxValueBytes, err());
        }
    }

    private void write(Hive h, Key start, OutputStream out) throws Exception {
        String mount = CommandSupport.mountPoint(h, root);
        switch (format) {
            case canon -> CanonicalListing.write(h, start, out);
            case jsonl -> JsonLinesExport.write(h, start, mount, out);
            case reg -> writeReg(h, start, mount, out);
            default -> throw new IllegalStateException("unknown format " + format);
        }
        out.flush();
    }

    private void writeReg(Hive h, Key start, String mount, OutputStream out) throws Exception {
        Encoding chosen = regEncoding();
        Charset charset = chosen == Encoding.utf8 ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE;
        Writer writer = new OutputStreamWriter(out, charset);
        if (chosen == Encoding.utf16le) {
            writer.write('\uFEFF');
        }
        RegExport.ProblemCounter problems = RegExport.write(h, start, mount, writer);
        writer.flush();
        if (problems.escapedNames() > 0) {
            err().println("hivescan: warning: " + problems.escapedNames()
                    + " name(s) hold control characters that .reg cannot carry; written as %XX escapes");
        }
    }

    /**
     * UTF-16LE is what regedit writes, but on a terminal it is unreadable noise with a NUL after every letter:
     * a terminal gets UTF-8 unless the user asked otherwise, and an explicit UTF-16LE there is refused.
     */
    private Encoding regEncoding() {
        boolean terminal = (output == null || Outputs.isStdout(output)) && Main.stdoutIsTerminal();
        if (terminal && encoding == Encoding.utf16le) {
            throw new UserError(ExitCodes.USAGE, "refusing to write UTF-16LE to a terminal; redirect to a "
                    + "file (-o FILE.reg) or use --encoding utf-8");
        }
        if (encoding != null) {
            return encoding;
        }
        return terminal ? Encoding.utf8 : Encoding.utf16le;
    }
}
