package org.hivescan.fuzz;

/**
 * One mutated input.
 *
 * @param seed what it was made from; for a log mutant, the primary stays unchanged and {@code bytes} replace the log
 * @param bytes the mutated file
 * @param description every change made, with its file offset, so a failure can be understood without a debugger
 */
record Mutant(Seed seed, byte[] bytes, String description) {
}
