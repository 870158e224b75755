package org.hivescan.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens a disk image of any supported format, recognised by its magic numbers and structure, never by its name.
 * The name is used only to find sibling files: split raw segments ({@code .001}, {@code .002}, …), E01 segments
 * ({@code .E01}, {@code .E02}, …) and the extents a VMDK descriptor names.
 */
public final class DiskImages {
    private static final byte[] EWF = {'E', 'V', 'F', 0x09, 0x0D, 0x0A, (byte) 0xFF, 0x00};
    private static final byte[] QCOW = {'Q', 'F', 'I', (byte) 0xFB};
    private static final byte[] VHDX = "vhdxfile".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VMDK_SPARSE = "KDMV".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VHD = "conectix".getBytes(StandardCharsets.US_ASCII);
    private static final int PROBE = 512;

    private DiskImages() {
    }

    /**
     * Opens {@code image} read-only; the caller closes the result. A missing file raises
     * {@link NoSuchFileException}, damage an {@link ImageFormatException}, a refused feature an
     * {@link UnsupportedImageException}.
     */
    public static DiskImage open(Path image) throws IOException {
        if (!Files.exists(image)) {
            throw new NoSuchFileException(image.toString());
        }
        OpenContext context = new OpenContext();
        try {
            return open(image, context);
        } catch (IOException | RuntimeException | Error e) {
            try {
                OpenedImage.closeAll(context.files());
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Opens an image read through {@code source} (a file with no local path), taking the source over: closing
     * the image closes it. Only single-file images can be read so: split raw, multi-segment E01 and VMDK
     * descriptors naming extents raise an {@link UnsupportedImageException}.
     */
    public static DiskImage open(org.hivescan.bytes.ByteSource source) throws IOException {
        OpenContext context = new OpenContext();
        try {
            return open(context.adopt(source), context);
        } catch (IOException | RuntimeException | Error e) {
            try {
                OpenedImage.closeAll(context.files());
                if (context.files().isEmpty()) {
                    source.close();
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static DiskImage open(Path image, OpenContext context) throws IOException {
        return open(context.open(image), context);
    }

    private static DiskImage open(ImageFile file, OpenContext context) throws IOException {
        byte[] head = file.read(0, (int) Math.min(PROBE, file.size()), "first sector");
        if (startsWith(head, EWF)) {
            return EwfFormat.open(file, context);
        }
        if (startsWith(head, QCOW)) {
            return Qcow2Format.open(file, context);
        }
        if (startsWith(head, VHDX)) {
            return VhdxFormat.open(file, context);
        }
        if (startsWith(head, VMDK_SPARSE) || VmdkFormat.isDescriptor(head)) {
            return VmdkFormat.open(file, head, context);
        }
        if (startsWith(head, VHD) || file.size() >= VhdFormat.FOOTER_SIZE
                && startsWith(file.read(file.size() - VhdFormat.FOOTER_SIZE, VHD.length, "VHD footer cookie"), VHD)) {
            return VhdFormat.open(file, context);
        }
        return RawFormat.open(file, context);
    }

    /**
     * The container format a file's first and last sectors name by magic number ({@code e01}, {@code qcow2},
     * {@code vhdx}, {@code vmdk}, {@code vhd}), or null: a raw disk has no magic of its own, and a file that is
     * one segment or extent of a larger image (an E01 segment past the first) is not an image to open by itself.
     * Lets a bulk scan recognise images by content before opening them.
     *
     * @param head the file's first bytes (at least 512 when the file has them)
     * @param tail the file's last 512 bytes (a fixed VHD keeps its only footer there), or an empty array
     */
    public static String formatByMagic(byte[] head, byte[] tail) {
        if (startsWith(head, EWF)) {
            // EWF file header: segment number, 16 bits little-endian at offset 9; segments start at 1.
            return head.length >= 11 && ((head[9] & 0xFF) | (head[10] & 0xFF) << 8) == 1 ? "e01" : null;
        }
        if (startsWith(head, QCOW)) {
            return "qcow2";
        }
        if (startsWith(head, VHDX)) {
            return "vhdx";
        }
        if (startsWith(head, VMDK_SPARSE) || VmdkFormat.isDescriptor(head)) {
            return "vmdk";
        }
        if (startsWith(head, VHD) || startsWith(tail, VHD)) {
            return "vhd";
        }
        return null;
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
