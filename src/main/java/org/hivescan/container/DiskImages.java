package org.hivescan.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** Opens {@code image} read-only; the caller closes the result. */
    public static DiskImage open(Path image) throws IOException {
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

    private static DiskImage open(Path image, OpenContext context) throws IOException {
        ImageFile file = context.open(image);
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
        if (file.size() >= VhdFormat.FOOTER_SIZE
                && startsWith(file.read(file.size() - VhdFormat.FOOTER_SIZE, VHD.length, "VHD footer cookie"), VHD)) {
            return VhdFormat.open(file, context);
        }
        return RawFormat.open(file, context);
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
