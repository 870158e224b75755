/**
 * Layer 1: raw access to the bytes of a hive or log file.
 *
 * <p>Every read is absolute (an explicit offset, little-endian) and no class here keeps a read position, so
 * many readers can share one mapping. Reads past the end raise {@link org.hivescan.bytes.TruncatedInputException}
 * naming the resource, never an index error. The checked {@link org.hivescan.bytes.HiveFormatException} family
 * lives here because it is the lowest layer every other one may import.
 */
package org.hivescan.bytes;
