/**
 * Volumes inside a disk: partition tables (MBR with extended partitions, GPT) and a read-only NTFS reader that
 * exposes every file as an {@link org.hivescan.bytes.ByteSource}.
 *
 * <p>This layer sits beside {@code bytes}: it reads a disk through a {@link org.hivescan.bytes.ByteSource} (raw
 * file or a container's virtual disk) and hands back byte sources, and knows nothing of regf. Every structure is
 * checked before it is trusted: sizes are bounded before anything is allocated, data runs and index trees are
 * walked with visit sets and step limits, and every error is a {@link org.hivescan.volume.VolumeFormatException}
 * naming the image, the hex offset on the disk, the structure, the field, and what was expected against found.
 * What the reader deliberately does not handle (compressed or encrypted files, BitLocker, dynamic disks, Storage
 * Spaces) is refused with {@link org.hivescan.volume.UnsupportedVolumeException}.
 */
package org.hivescan.volume;
