package org.hivescan.format;

import org.hivescan.bytes.HiveFormatException;

/**
 * Where a parser sends a problem it can step past. A strict sink rethrows it and stops the read; a lenient sink
 * records it and lets the parser go on with what is still reachable (the metadata-extractor approach).
 */
@FunctionalInterface
public interface ProblemSink {
    /** A sink that stops at the first problem. */
    ProblemSink STRICT = problem -> {
        throw problem;
    };

    void report(HiveFormatException problem) throws HiveFormatException;
}
