package org.hivescan.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;

/**
 * A test-only switch that kills the first attempt of one audit task half-way through its hosts, to prove that a
 * retried task leaves the outputs exact. Off unless the Spark configuration sets
 * {@value #PARTITION_KEY} to a partition number; nothing but the fault test sets it.
 */
final class FaultInjection implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PARTITION_KEY = "spark.hivescan.test.failAuditPartition";
    static final FaultInjection OFF = new FaultInjection(-1);

    private final int partition;

    FaultInjection(int partition) {
        this.partition = partition;
    }

    /** Throws when this is the chosen partition's first attempt and it has done {@code done} of {@code total}. */
    void maybeFail(int done, int total) {
        TaskContext task = TaskContext.get();
        if (partition < 0 || task == null || task.partitionId() != partition || task.attemptNumber() != 0) {
            return;
        }
        if (done == Math.max(1, total / 2)) {
            throw new IllegalStateException("injected test fault: partition " + partition + " attempt 0 after "
                    + done + " of " + total + " hosts");
        }
    }
}
