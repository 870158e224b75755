/**
 * Disk image containers, read-only and in pure Java: raw and split raw, VHD (fixed, dynamic), VHDX, VMDK
 * (monolithic sparse, streamOptimized, descriptor with flat or sparse extents), QCOW2 and E01 (EWF). Each is
 * opened by {@link org.hivescan.container.DiskImages#open} and exposes its virtual disk as an
 * {@link org.hivescan.bytes.ByteSource}; this layer knows nothing of partitions, file systems or regf.
 *
 * <p>Specifications followed (facts only):
 * <ul>
 * <li>VHD: Microsoft, "Virtual Hard Disk Image Format Specification" 1.0 (footer, dynamic disk header, BAT,
 * sector bitmaps).</li>
 * <li>VHDX: Microsoft [MS-VHDX] (§2.2 file identifier, headers with CRC-32C, region table; §2.5 BAT, payload and
 * sector-bitmap block states; §2.6 metadata region).</li>
 * <li>VMDK: VMware, "Virtual Disk Format 5.0" (§ hosted sparse extent header, grain directory and tables,
 * stream-optimized compressed grains and markers, descriptor file).</li>
 * <li>QCOW2: QEMU, {@code docs/interop/qcow2.txt} (header v2/v3, L1/L2 tables, compressed cluster descriptors,
 * incompatible feature bits).</li>
 * <li>EWF: libyal, "Expert Witness Compression Format (EWF)" (file header, section descriptors, volume, table,
 * sectors, hash and digest sections, header text).</li>
 * </ul>
 *
 * <p>Every size, count and offset read from an image is checked against the file and {@code Limits} before use;
 * table walks are bounded; damage raises {@link org.hivescan.container.ImageFormatException} naming the file, hex
 * offset, structure and field, and refused features raise
 * {@link org.hivescan.container.UnsupportedImageException}.
 */
package org.hivescan.container;
