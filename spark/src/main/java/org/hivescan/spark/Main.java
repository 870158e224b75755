package org.hivescan.spark;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.hivescan.report.Escaping;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hivescan-spark scan PATH... --out DIR [--master URL]}. Run by {@code bin/hivescan-spark} it embeds Spark
 * in {@code local[*]}; run by {@code spark-submit --class org.hivescan.spark.Main} it takes the cluster master
 * spark-submit sets, and an explicit {@code --master} wins over both.
 */
@Command(name = "hivescan-spark", mixinStandardHelpOptions = true, subcommands = Main.Scan.class,
        description = "The hivescan bulk scan as an Apache Spark job over Hadoop file systems.")
public final class Main implements Runnable {
    /** Exit code of a usage error, as in the CLI. */
    static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed: scan");
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> USAGE);
        int code = cli.execute(args);
        System.exit(code);
    }

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = "Scan folders, collection zips and disk images on any Hadoop file system (file://, "
                    + "hdfs://, s3a://) for hosts and audit each; writes hosts.jsonl, summary.csv, report.html, "
                    + "fixes/ and the Parquet table rules.parquet to --out.")
    static final class Scan implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders, files, zips or images to scan.")
        List<String> paths;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Output folder (any Hadoop file system).")
        String out;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default: spark-submit's, else local[*] embedded).")
        String master;

        @Option(names = "--force", description = "Replace outputs already in --out.")
        boolean force;

        @Option(names = "--hash", description = "Record the SHA-256 of every hive (reads every byte).")
        boolean hash;

        @Option(names = "--timeout-per-host", paramLabel = "S", defaultValue = "60",
                description = "Seconds one host may take before it becomes an ERROR row (default: ${DEFAULT-VALUE}).")
        int timeoutPerHost;

        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
                description = "Tasks per stage (default: 4 per core of the cluster).")
        int partitions;

        @Override
        public Integer call() throws Exception {
            if (timeoutPerHost <= 0 || partitions < 0) {
                return usageError("--timeout-per-host expects at least 1 second and --partitions a count");
            }
            List<String> roots = paths.stream().map(Main::withoutTrailingSlash).toList();
            long starting = System.nanoTime();
            try (SparkSession spark = session(master)) {
                System.err.printf(java.util.Locale.ROOT, "hivescan-spark: Spark %s started in %.2f s (master %s)%n",
                        spark.version(), (System.nanoTime() - starting) / 1e9, spark.sparkContext().master());
                SparkScan.Options options = new SparkScan.Options(roots, out, force, hash, timeoutPerHost,
                        partitions);
                SparkScan.Outcome outcome;
                try {
                    outcome = new SparkScan(spark).run(options);
                } catch (SparkScan.UsageException e) {
                    return usageError(e.getMessage());
                }
                System.err.println(outcome.costs());
                System.out.println(outcome.summary());
                System.out.println(outcome.reportPath());
                return outcome.exitCode();
            }
        }
    }

    private static int usageError(String message) {
        System.err.println("hivescan-spark scan: " + Escaping.terminal(message));
        System.err.println("Try 'hivescan-spark scan --help' for usage.");
        return USAGE;
    }

    /** {@code cases/} and {@code cases} name the same folder; the local scan prints the latter. */
    static String withoutTrailingSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/") && !p.endsWith("://")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static SparkSession session(String master) {
        SparkConf conf = new SparkConf(true).setAppName("hivescan scan");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            // Embedded: no web UI to serve, and no network beyond loopback.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
