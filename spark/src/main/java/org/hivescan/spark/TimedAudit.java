package org.hivescan.spark;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hivescan.scan.HostAuditor;
import org.hivescan.scan.HostPlan;
import org.hivescan.scan.HostResult;

/**
 * Runs one host's audit under the per-host time limit inside a Spark task. A host past its limit becomes the scan's
 * own time-out ERROR row; its thread is interrupted and,
 * being a daemon, cannot keep the executor alive if a hostile input ignores the interrupt.
 */
final class TimedAudit implements AutoCloseable {
    private final Duration limit;
    private ExecutorService worker = newWorker();

    TimedAudit(Duration limit) {
        this.limit = limit;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hivescan-host-audit");
            t.setDaemon(true);
            return t;
        });
    }

    HostResult audit(HostAuditor auditor, HostPlan plan) {
        Future<HostResult> running = worker.submit(() -> auditor.audit(plan));
        try {
            return running.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            // The stuck thread may never return; later hosts get a fresh one.
            worker.shutdownNow();
            worker = newWorker();
            return auditor.timedOut(plan, limit);
        } catch (ExecutionException e) {
            return auditor.failed(plan, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            throw new IllegalStateException("task interrupted while auditing " + plan.hostId(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
