package org.hivescan.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hivescan.audit.model.RuleFileException;
import org.hivescan.bytes.HiveException;
import org.hivescan.report.Escaping;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code hivescan} entry point. */
@Command(name = "hivescan", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Offline Windows registry hive analyzer and TLS 1.2 readiness auditor.",
        footer = {"", "Run 'hivescan help COMMAND' or 'hivescan COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {
    /**
     * The subcommands in help order. Only the one named on the command line is given to picocli: building the
     * model of every command by reflection took 0.25 s of each run's 0.35 s start-up, more than a whole audit.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();
    private static final Pattern INVALID_VALUE = Pattern.compile("Invalid value for (?:option '([^']*)'|"
            + "positional parameter at index \\S+ \\(([^)]*)\\))(?: \\([^)]*\\))?: (.*)", Pattern.DOTALL);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean debug;

    @Spec
    CommandSpec spec;

    /** Standard output as bytes, for commands that write binary data or their own encoding. */
    private static OutputStream stdout = System.out;
    private static boolean stdoutIsProcessOutput;

    public static void main(String[] args) {
        stdoutIsProcessOutput = true;
        System.exit(run(args, new FileOutputStream(FileDescriptor.out),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line and returns its exit code; used by main and by tests. */
    public static int run(String[] args, OutputStream rawOut, PrintWriter err) {
        stdout = new StdoutGuard(rawOut);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(Main::exitCode);
        boolean debug = Arrays.asList(args).contains("--debug");
        cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, line, debug));
        cli.setParameterExceptionHandler(Main::usageError);
        int code = cli.execute(args);
        try {
            out.flush();
        } catch (StdoutClosedException e) {
            code = ExitCodes.OUTPUT_CLOSED;
        }
        err.flush();
        return code;
    }

    private static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String named = commandName(args);
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command.get());
            }
        });
        if (named == null) {
            cli.addSubcommand("help", new CommandLine.HelpCommand());
            CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
            completion.getCommandSpec().usageMessage().hidden(false)
                    .description("Print a bash/zsh completion script: source <(hivescan completion)");
            cli.addSubcommand("completion", completion);
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (COMMANDS.containsKey(name)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().versionProvider(new VersionInfo());
            }
        });
        // After the subcommands: picocli gives converters only to the commands already added.
        cli.registerConverter(Path.class, new PathArgument());
        return cli;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("info", InfoCommand::new);
        commands.put("ls", LsCommand::new);
        commands.put("cat", CatCommand::new);
        commands.put("find", FindCommand::new);
        commands.put("timeline", TimelineCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("verify", VerifyCommand::new);
        commands.put("replay", ReplayCommand::new);
        commands.put("audit", AuditCommand::new);
        commands.put("image", ImageCommand::new);
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
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
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

    /** Whether standard output is a terminal (never when run in-process by tests). */
    static boolean stdoutIsTerminal() {
        return stdoutIsProcessOutput && Terminal.isTerminal(1);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        String qualified = line.getCommandSpec().qualifiedName();
        if (e instanceof UnmatchedArgumentException u && line.getParent() == null && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            err.println("hivescan: unknown command '" + Escaping.terminal(u.getUnmatched().get(0)) + "'"
                    + suggestion(u.getSuggestions()));
        } else {
            err.println(qualified + ": " + plain(e.getMessage()));
        }
        err.println("Try '" + qualified + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    private static String suggestion(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : " (did you mean '" + Escaping.terminal(suggestions.get(0)) + "'?)";
    }

    /** picocli's "Invalid value for option '--x': why" as "--x: why", on one line. */
    private static String plain(String message) {
        Matcher m = INVALID_VALUE.matcher(String.valueOf(message));
        if (!m.matches()) {
            return Messages.oneLine(message);
        }
        return Messages.oneLine((m.group(1) != null ? m.group(1) : m.group(2)) + ": " + m.group(3));
    }

    private static int exitCode(Throwable e) {
        if (e instanceof UserError u) {
            return u.exitCode();
        }
        if (Messages.innermost(e, StdoutClosedException.class) != null) {
            return ExitCodes.OUTPUT_CLOSED;
        }
        if (e instanceof RuleFileException) {
            return ExitCodes.USAGE;
        }
        return e instanceof HiveException || e instanceof UncheckedIOException
                || e instanceof IOException ? ExitCodes.UNREADABLE : ExitCodes.INTERNAL_ERROR;
    }

    private static int report(Exception e, CommandLine line, boolean debug) {
        PrintWriter err = line.getErr();
        if (Messages.innermost(e, StdoutClosedException.class) != null) {
            return ExitCodes.OUTPUT_CLOSED; // the reader has gone, as with cat: nothing to say
        }
        err.println("hivescan: " + message(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    private static String message(Exception e) {
        if (e instanceof UserError || e instanceof RuleFileException || e instanceof HiveException) {
            return Messages.oneLine(e.getMessage());
        }
        if (e instanceof IOException io) {
            return Messages.describe(io);
        }
        if (e instanceof UncheckedIOException io) {
            return Messages.describe(io.getCause());
        }
        return "internal error (a bug; please report it with --debug output): " + Escaping.terminal(String.valueOf(e));
    }

    @Override
    public Integer call() {
        // No command named: usage from the live model, which has every command registered (see commandName).
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
