package org.hivescan.recovery;

/**
 * Base-block and log-entry sequence numbers are 32-bit counters that may wrap, so they are compared the way yarp
 * and serial-number arithmetic do: a is after b when (a - b) mod 2^32 lies in [1, 2^31).
 */
final class SequenceNumbers {
    private SequenceNumbers() {
    }

    /** Negative, zero or positive as {@code a} comes before, equals or comes after {@code b}. */
    static int compare(int a, int b) {
        return Integer.signum(a - b);
    }

    static String text(int sequence) {
        return Integer.toUnsignedString(sequence);
    }
}
