/**
 * Layer 4: transaction-log recovery. Finds a primary file's .LOG/.LOG1/.LOG2 files, checks them against the
 * primary, and replays old-format (dirty vector) and new-format (HvLE) logs into an in-memory
 * {@link org.hivescan.bytes.OverlayBytes} over the read-only mapping. Input files are never written.
 */
package org.hivescan.recovery;
