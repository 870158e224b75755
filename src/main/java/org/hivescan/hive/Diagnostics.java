package org.hivescan.hive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.ProblemSink;

/**
 * The problems met while reading leniently. Each is kept once (a damaged list read twice is one problem), up to a
 * cap, beyond which they are only counted, so a hostile file cannot fill the heap with messages. Safe for several
 * threads reading one hive.
 */
public final class Diagnostics implements ProblemSink {
    private final boolean strict;
    private final int cap;
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<HiveFormatException> problems = new ArrayList<>();
    private long dropped;

    Diagnostics(boolean strict, int cap) {
        this.strict = strict;
        this.cap = cap;
    }

    @Override
    public synchronized void report(HiveFormatException problem) throws HiveFormatException {
        if (strict) {
            throw problem;
        }
        if (problems.size() >= cap) {
            dropped++;
            return;
        }
        if (seen.add(problem.getMessage())) {
            problems.add(problem);
        }
    }

    public synchronized List<HiveFormatException> problems() {
        return List.copyOf(problems);
    }

    /** Problems beyond the cap that were counted but not kept. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    public synchronized List<String> messages() {
        List<String> out = new ArrayList<>();
        for (HiveFormatException p : problems) {
            out.add(p.getMessage());
        }
        if (dropped > 0) {
            out.add(dropped + " further problem(s) not listed");
        }
        return out;
    }
}
