package org.hivescan.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.report.Escaping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code hivescan} entry point. */
@Command(name = "hivescan", mixinStandardHelpOptions = true, version = "hivescan 0.1.0",
        description = "Offline Windows registry hive analyzer and TLS 1.2 readiness auditor.")
public final class Main implements Runnable {
    /**
     * The subcommands in help order. Only the one named on the command line is given to picocli: building the
     * model of every command by reflection took 0.25 s of each run's 0.35 s start-up, more than a whole audit.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Standard output as bytes, for commands that write binary data or their own encoding. */
    private static OutputStream stdout = System.out;

    public static void main(String[] args) {
        System.exit(run(args, new FileOutputStream(FileDescriptor.out),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line and returns its exit code; used by main and by tests. */
    public static int run(String[] args, OutputStream rawOut, PrintWriter err) {
        stdout = rawOut;
        PrintWriter out = new PrintWriter(new OutputStreamWriter(rawOut, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Main());
        String named = commandName(args);
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command.get());
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, line, Arrays.asList(args).contains("--debug")));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("hivescan: " + Escaping.terminal(e.getMessage()));
            err.println("Try 'hivescan " + e.getCommandLine().getCommandName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("info", InfoCommand::new);
        commands.put("ls", LsCommand::new);
        commands.put("cat", CatCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("replay", ReplayCommand::new);
        commands.put("audit", AuditCommand::new);
        commands.put("scan", ScanCommand::new);
        commands.put("rules", RulesCommand::new);
        commands.put("walk", WalkCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * The subcommand a command line names, or null when it names none we know (help, a typo): then every command
     * is registered, so that usage lists them all and picocli can suggest the nearest name. The top-level options
     * take no arguments, so the first word not starting with '-' is the command.
     */
    private static String commandName(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return null; // the top-level help lists every command
            }
            if (!arg.startsWith("-")) {
                return COMMANDS.containsKey(arg) ? arg : null;
            }
        }
        return null;
    }

    /** The raw standard output of the running command line. */
    static OutputStream stdout() {
        return stdout;
    }

    private static int exitCode(Throwable e) {
        return e instanceof HiveFormatException || e instanceof UncheckedIOException
                || e instanceof java.io.IOException ? ExitCodes.UNREADABLE : ExitCodes.INTERNAL_ERROR;
    }

    private static int report(Exception e, CommandLine line, boolean debug) {
        PrintWriter err = line.getErr();
        if (e instanceof HiveFormatException || e instanceof java.io.IOException || e instanceof UncheckedIOException) {
            err.println("hivescan: " + Escaping.terminal(String.valueOf(e.getMessage())));
        } else {
            err.println("hivescan: internal error (a bug; please report it with --debug output): "
                    + Escaping.terminal(String.valueOf(e)));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    @Override
    public void run() {
        // No command named: usage from the live model, which has every command registered (see commandName).
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
