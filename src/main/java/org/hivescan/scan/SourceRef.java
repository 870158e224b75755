package org.hivescan.scan;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where one file of a scan lives: a plain file, a member of a zip archive, or a file inside a partition of a disk
 * image. The {@link #toString() printable form} is stable across runs and is what the outputs show:
 * {@code /cases/a/SYSTEM}, {@code /cases/kape.zip!C%3A/Windows/System32/config/SYSTEM},
 * {@code /vm/disk.vhdx#p2!/Windows/System32/config/SYSTEM}.
 *
 * @param type which of the three
 * @param container the file path, the zip path, or the image path
 * @param member the member name inside the zip, or the path inside the partition; null for a plain file
 * @param partition the partition index inside the image, -1 otherwise
 */
public record SourceRef(Type type, String container, String member, int partition) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The three places a file can live. */
    public enum Type { FILE, ZIP_MEMBER, IMAGE_FILE }

    public SourceRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(container, "container");
    }

    public static SourceRef file(String path) {
        return new SourceRef(Type.FILE, path, null, -1);
    }

    public static SourceRef zipMember(String zip, String member) {
        return new SourceRef(Type.ZIP_MEMBER, zip, member, -1);
    }

    public static SourceRef imageFile(String image, int partition, String pathInside) {
        return new SourceRef(Type.IMAGE_FILE, image, pathInside, partition);
    }

    /** The last name of the path (file name, or last element of the member name). */
    public String fileName() {
        String p = type == Type.FILE ? container : member;
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(cut + 1);
    }

    /**
     * The folder this file sits in, in printable form: hives in the same folder belong to one host. For a zip
     * member that is the zip plus the member's folder; for an image file, the image, partition and folder.
     */
    public String folder(ScanFiles files) {
        return switch (type) {
            case FILE -> String.valueOf(files.parent(container));
            case ZIP_MEMBER -> container + "!" + memberFolder();
            case IMAGE_FILE -> container + "#p" + partition + "!" + memberFolder();
        };
    }

    private String memberFolder() {
        int cut = Math.max(member.lastIndexOf('/'), member.lastIndexOf('\\'));
        return cut < 0 ? "" : member.substring(0, cut);
    }

    /** The sibling file {@code name} in the same folder (a transaction log beside its hive). */
    public SourceRef sibling(String name, ScanFiles files) {
        return switch (type) {
            case FILE -> {
                String parent = files.parent(container);
                yield file(parent == null ? name : parent + "/" + name);
            }
            case ZIP_MEMBER -> zipMember(container, siblingMember(name));
            case IMAGE_FILE -> imageFile(container, partition, siblingMember(name));
        };
    }

    private String siblingMember(String name) {
        String folder = memberFolder();
        return folder.isEmpty() ? name : folder + member.charAt(folder.length()) + name;
    }

    @Override
    public String toString() {
        return switch (type) {
            case FILE -> container;
            case ZIP_MEMBER -> container + "!" + member;
            case IMAGE_FILE -> container + "#p" + partition + "!" + member;
        };
    }
}
