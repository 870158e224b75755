package org.hivescan.audit.model;

/**
 * What a generic check writes to fix a view that does not pass.
 *
 * @param type REG_DWORD (the only type the generic fixes write)
 * @param data the value to write
 * @param orBits instead of data: OR these bits into a valid existing value (data when absent: these bits)
 * @param strictData the value to write with --tls12-only, when it differs
 */
public record FixSpec(String type, String data, String orBits, String strictData) {
}
