package org.hivescan.hive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.ProblemSink;

/**
 * The problems met while reading leniently. Each is kept once (a damaged list read twice is one problem), up to a
 * cap, beyond which they are only counted, so a hostile file cannot fill the heap with messages.
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
    public void report(HiveFormatException problem) throws HiveFormatException {
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

    public List<HiveFormatException> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Problems beyond the cap that were counted but not kept. */
    public long dropped() {
        return dropped;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> messages() {
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
