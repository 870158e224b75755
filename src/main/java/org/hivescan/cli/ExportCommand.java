package org.hivescan.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.CanonicalListing;
import org.hivescan.report.Escaping;
import org.hivescan.report.JsonLinesExport;
import org.hivescan.report.RegExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
    Path output;

    @Option(names = "--encoding", converter = EncodingConverter.class, defaultValue = "utf-16le",
            description = ".reg encoding: utf-16le (with BOM, as regedit writes) or utf-8.")
    Encoding encoding;

    @Option(names = "--root", paramLabel = "PREFIX", description = "Root key for .reg and jsonl paths "
            + "(default from the hive kind, e.g. HKEY_LOCAL_MACHINE\\SYSTEM).")
    String root;


    static final class EncodingConverter implements picocli.CommandLine.ITypeConverter<Encoding> {
        @Override
        public Encoding convert(String value) {
            String v = value.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
            return Encoding.valueOf(v);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = err();
        if (output != null && InputGuard.isEvidence(output, hive, input.loadOptions().explicitLogs())) {
            err.println("hivescan: refusing to write " + Escaping.terminal(output.toString())
                    + ": it is the input hive or one of its transaction logs");
            return ExitCodes.USAGE;
        }
        try (LoadedHive loaded = CommandSupport.load(hive, input.loadOptions())) {
            Hive h = loaded.hive();
            Optional<Key> start = CommandSupport.resolveKey(h, keyPath, err);
            if (start.isEmpty()) {
                return ExitCodes.NOT_FOUND_OR_FINDINGS;
            }
            try (OutputStream out = open()) {
                write(h, start.get(), out);
            }
            CommandSupport.printDiagnostics(h, err);
        }
        return ExitCodes.OK;
    }

    private OutputStream open() throws IOException {
        if (output == null) {
            out().flush();
            return new BufferedOutputStream(Main.stdout(), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
    }

    private void write(Hive h, Key start, OutputStream out) throws Exception {
        String mount = CommandSupport.mountPoint(h, root);
        switch (format) {
            case canon -> CanonicalListing.write(h, start, out);
            case jsonl -> JsonLinesExport.write(h, start, mount, out);
            case reg -> {
                Charset charset = encoding == Encoding.utf8 ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE;
                Writer writer = new OutputStreamWriter(out, charset);
                if (encoding == Encoding.utf16le) {
                    writer.write('\uFEFF');
                }
                RegExport.ProblemCounter problems = RegExport.write(h, start, mount, writer);
                writer.flush();
                if (problems.escapedNames() > 0) {
                    err().println("hivescan: warning: " + problems.escapedNames()
                            + " name(s) hold control characters that .reg cannot carry; written as %XX escapes");
                }
            }
            default -> throw new IllegalStateException("unknown format " + format);
        }
        out.flush();
    }
}
