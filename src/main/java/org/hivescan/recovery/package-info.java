/**
 * Layer 4: transaction-log recovery. {@link org.hivescan.recovery.HiveLoader} finds a primary file's
 * .LOG/.LOG1/.LOG2 files (or those named with --log), checks them against the primary, and replays old-format
 * (dirty vector) and new-format (HvLE) logs into an in-memory {@link org.hivescan.bytes.OverlayBytes} over the
 * read-only mapping. Input files are never written; {@link org.hivescan.recovery.RecoveredHiveWriter} writes a
 * recovered copy to a new file. Section names (§) refer to the public "Windows registry file format specification".
 */
package org.hivescan.recovery;
