/**
 * Layer 2: one immutable type per on-disk structure of the regf format (base block, hive bin, cell, key node,
 * value key, subkey lists, value list, big data, security cell), each parsed from {@link org.hivescan.bytes.HiveBytes}
 * by absolute offset and validated against the rest of the file before anything trusts it.
 *
 * <p>Section names in comments ("§Key node") refer to the public "Windows registry file format specification"
 * by Maxim Suhanov.
 */
package org.hivescan.format;
