package org.hivescan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hivescan.report.Json;

/**
 * A whole local scan: discovery in parallel, grouping, then the hosts audited {@code jobs} at a time, each on a
 * daemon thread (reused from host to host) under the per-host time limit, with results written in plan order (so
 * two runs, or a run and its resumption, write the same lines in the same order). {@code summary.csv} and {@code report.html} are
 * rebuilt from {@code hosts.jsonl} at the end, which is what makes a resumed scan's outputs whole.
 */
public final class ScanRun {
    public static final String HOSTS = "hosts.jsonl";
    public static final String SUMMARY = "summary.csv";
    public static final String REPORT = "report.html";
    public static final String FIXES = "fixes";

    private final ScanFiles files;
    private final ScanOptions options;
    private final Progress progress;

    /** Told about each finished host; the CLI draws its progress bar from it. */
    public interface Progress {
        void discovered(int hosts);

        void hostDone(int done, int total, long errors);

        void finished();

        Progress NONE = new Progress() {
            @Override
            public void discovered(int hosts) {
            }

            @Override
            public void hostDone(int done, int total, long errors) {
            }

            @Override
            public void finished() {
            }
        };
    }

    /** A usage problem found before anything was written (outputs in the way, nothing to resume). */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public ScanRun(ScanFiles files, ScanOptions options, Progress progress) {
        this.files = files;
        this.options = options;
        this.progress = progress;
    }

    /** The outputs a scan writes into its folder, for the overwrite check. */
    public static List<String> outputNames() {
        return List.of(HOSTS, SUMMARY, REPORT, FIXES);
    }

    public ScanTotals run(List<String> roots) throws IOException, UsageException {
        Path out = options.out();
        checkOutputs(out);
        Files.createDirectories(out);
        HostAuditor auditor = new HostAuditor(files, options.siteRules());
        List<HiveCandidate> candidates = discover(roots);
        Grouping grouping = HostGrouper.over(files).group(candidates);
        progress.discovered(grouping.hosts().size());
        Path jsonl = out.resolve(HOSTS);
        HostsJsonlWriter.Resume resume = options.resume() ? HostsJsonlWriter.resume(jsonl)
                : new HostsJsonlWriter.Resume(java.util.Set.of(), 0, false);
        List<HostPlan> todo = grouping.hosts().stream()
                .filter(p -> !resume.doneHostIds().contains(p.hostId())).toList();
        Reports reports = new Reports(out, auditor);
        try (HostsJsonlWriter writer = options.resume() && Files.exists(jsonl)
                ? HostsJsonlWriter.append(jsonl, resume) : HostsJsonlWriter.create(jsonl)) {
            if (options.resume()) {
                reports.replay(jsonl);
            }
            auditAll(todo, auditor, writer, reports, grouping.hosts().size() - todo.size(),
                    grouping.hosts().size());
        } catch (IOException | RuntimeException e) {
            reports.abandon();
            throw e;
        }
        reports.finish();
        progress.finished();
        return new ScanTotals(reports.byStatus, grouping.ambiguities().size(), grouping.skipped().size());
    }

    private void checkOutputs(Path out) throws UsageException {
        if (options.force() || options.resume()) {
            return;
        }
        for (String name : outputNames()) {
            if (Files.exists(out.resolve(name))) {
                throw new UsageException(out.resolve(name) + " exists; use --resume to continue that scan, or "
                        + "--force to replace its outputs");
            }
        }
    }

    /** Discovery of every root, one file per task, in walk order. */
    private List<HiveCandidate> discover(List<String> roots) throws IOException {
        Discovery discovery = new Discovery(files, options.hashAll());
        List<HiveCandidate> out = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), daemon("hivescan-discover"));
        try {
            List<Future<List<HiveCandidate>>> found = new ArrayList<>();
            for (String root : roots) {
                for (Discovery.Folder f : discovery.walk(root, out)) {
                    for (ScanEntry e : f.files()) {
                        found.add(pool.submit(() -> discovery.candidatesIn(e, f.entries())));
                    }
                }
            }
            for (Future<List<HiveCandidate>> f : found) {
                out.addAll(get(f));
            }
        } finally {
            pool.shutdownNow();
        }
        if (options.force()) {
            removeOldOutputs();
        }
        return out;
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("discovery failed: " + e.getCause(), e.getCause());
        }
    }

    private void removeOldOutputs() throws IOException {
        for (String name : List.of(HOSTS, SUMMARY, REPORT)) {
            Files.deleteIfExists(options.out().resolve(name));
        }
        Path fixes = options.out().resolve(FIXES);
        if (Files.isDirectory(fixes)) {
            try (var walk = Files.walk(fixes)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One audit in flight; {@code task} is cancelled (its thread interrupted) when the host times out. */
    private record Pending(HostPlan plan, CompletableFuture<Done> result, Future<?> task, long startNanos,
            AtomicBoolean released) {
    }

    private void auditAll(List<HostPlan> plans, HostAuditor auditor, HostsJsonlWriter writer, Reports reports,
            int alreadyDone, int total) throws IOException {
        Sink sink = new Sink(auditor, writer, reports, new FixFilesWriter(options.out()), alreadyDone, total);
        // Threads are reused while they are free; one abandoned past its time limit keeps its thread and a new one
        // takes the slot, so a hung host never holds back the others. Daemons: a hung audit cannot keep the JVM up.
        ExecutorService threads = Executors.newCachedThreadPool(daemon("hivescan-host"));
        try {
            auditAll(plans, auditor, sink, threads);
        } finally {
            threads.shutdownNow();
        }
    }

    private void auditAll(List<HostPlan> plans, HostAuditor auditor, Sink sink, ExecutorService threads)
            throws IOException {
        Semaphore slots = new Semaphore(options.jobs());
        Deque<Pending> inFlight = new ArrayDeque<>();
        int window = options.jobs() * 8;
        for (HostPlan plan : plans) {
            while (true) {
                while (!inFlight.isEmpty() && inFlight.peekFirst().result().isDone()) {
                    sink.take(inFlight, slots, false);
                }
                if (inFlight.size() >= window) {
                    sink.take(inFlight, slots, true);
                } else if (acquire(slots)) {
                    break;
                } else if (!inFlight.isEmpty() && overdue(inFlight.peekFirst())) {
                    sink.take(inFlight, slots, true);
                }
            }
            inFlight.addLast(start(plan, auditor, slots, threads));
        }
        while (!inFlight.isEmpty()) {
            sink.take(inFlight, slots, true);
        }
    }

    private boolean overdue(Pending p) {
        return System.nanoTime() - p.startNanos() > options.timeoutPerHost().toNanos();
    }

    private static boolean acquire(Semaphore slots) {
        try {
            return slots.tryAcquire(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Pending start(HostPlan plan, HostAuditor auditor, Semaphore slots, ExecutorService threads) {
        CompletableFuture<Done> result = new CompletableFuture<>();
        AtomicBoolean released = new AtomicBoolean();
        long startNanos = System.nanoTime();
        Future<?> task = threads.submit(() -> {
            try {
                result.complete(Done.of(auditor.outcome(plan)));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                if (released.compareAndSet(false, true)) {
                    slots.release();
                }
            }
        });
        return new Pending(plan, result, task, startNanos, released);
    }

    /** Writes results in plan order and counts them. */
    private final class Sink {
        private final HostAuditor auditor;
        private final HostsJsonlWriter writer;
        private final Reports reports;
        private final FixFilesWriter fixes;
        private final int total;
        private int done;
        private long errors;

        Sink(HostAuditor auditor, HostsJsonlWriter writer, Reports reports, FixFilesWriter fixes, int done,
                int total) {
            this.auditor = auditor;
            this.writer = writer;
            this.reports = reports;
            this.fixes = fixes;
            this.done = done;
            this.total = total;
        }

        /** Writes the oldest audit's result, waiting for it (up to its time limit) when {@code wait}. */
        void take(Deque<Pending> inFlight, Semaphore slots, boolean wait) throws IOException {
            Pending head = inFlight.peekFirst();
            Done d = wait ? await(head) : head.result().getNow(null);
            if (d == null) {
                return;
            }
            HostResult r = d.result();
            inFlight.removeFirst();
            if (head.released().compareAndSet(false, true)) {
                // Timed out: the thread is abandoned (a daemon, interrupted) and its slot is given back.
                slots.release();
            }
            // Fix files first: a host whose line is written has its fixes complete, even after a kill.
            fixes.write(r);
            writer.write(r.jsonLine());
            reports.add(r.csvRow(), d.fragment());
            done++;
            if (HostResult.ERROR.equals(r.status())) {
                errors++;
            }
            progress.hostDone(done, total, errors);
        }

        private Done await(Pending p) {
            long left = options.timeoutPerHost().toNanos() - (System.nanoTime() - p.startNanos());
            try {
                return p.result().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                p.task().cancel(true);
                return Done.of(auditor.timedOut(p.plan(), options.timeoutPerHost()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Done.of(auditor.timedOut(p.plan(), options.timeoutPerHost()));
            } catch (ExecutionException e) {
                return Done.of(auditor.failed(p.plan(), e.getCause()));
            }
        }
    }

    /** A host's result with its report fragment, both made on the auditing thread. */
    private record Done(HostResult result, HtmlReportWriter.Fragment fragment) {
        static Done of(HostAuditor.Outcome o) {
            return new Done(o.result(), HtmlReportWriter.fragment(o.line()));
        }

        static Done of(HostResult r) {
            try {
                return new Done(r, HtmlReportWriter.fragment(Json.MAPPER.readTree(r.jsonLine())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * summary.csv and report.html, written beside their final names while the scan runs and moved into place at
     * the end. A resumed scan first replays the lines already in hosts.jsonl, so its reports are whole.
     */
    private static final class Reports {
        private final Path out;
        private final HostAuditor auditor;
        private final Path csvPart;
        private final Path htmlPart;
        private final SummaryCsvWriter csv;
        private final HtmlReportWriter html;
        final Map<String, Long> byStatus = new HashMap<>();

        Reports(Path out, HostAuditor auditor) throws IOException {
            this.out = out;
            this.auditor = auditor;
            this.csvPart = out.resolve(SUMMARY + ".part");
            this.htmlPart = out.resolve(REPORT + ".part");
            this.csv = new SummaryCsvWriter(Files.newBufferedWriter(csvPart, StandardCharsets.UTF_8),
                    auditor.csvHeader());
            this.html = new HtmlReportWriter(htmlPart, "hivescan scan: TLS 1.2 readiness for Microsoft 365");
        }

        void replay(Path jsonl) throws IOException {
            try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode node = Json.MAPPER.readTree(line);
                    add(HostRecord.csvRow(node, auditor.stackIds(), auditor.ruleIds()),
                            HtmlReportWriter.fragment(node));
                }
            }
        }

        void add(List<String> csvRow, HtmlReportWriter.Fragment fragment) throws IOException {
            byStatus.merge(fragment.status(), 1L, Long::sum);
            csv.row(csvRow);
            html.add(fragment);
        }

        void finish() throws IOException {
            csv.close();
            html.close();
            Files.move(csvPart, out.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING);
            Files.move(htmlPart, out.resolve(REPORT), StandardCopyOption.REPLACE_EXISTING);
        }

        void abandon() {
            try {
                csv.close();
                html.close();
                Files.deleteIfExists(csvPart);
                Files.deleteIfExists(htmlPart);
            } catch (IOException ignored) {
                // Failing already; the .part files are named as such.
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
