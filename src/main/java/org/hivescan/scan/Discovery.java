package org.hivescan.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hivescan.bytes.ArrayBytes;
import org.hivescan.bytes.ByteSource;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;
import org.hivescan.hive.Hive;
import org.hivescan.hive.HiveOptions;
import org.hivescan.hive.Key;
import org.hivescan.hive.Value;
import org.hivescan.report.Escaping;
import org.hivescan.volume.OpenedDisk;
import org.hivescan.volume.WindowsInstallation;

/**
 * Finds hives by content: a file (or zip member) is a hive when it starts with the regf signature and its base
 * block is sane for a primary file (regf format specification, §Base block: major version 1, minor 1 to 6, file
 * type 0, file format 1, hive bins data size a positive multiple of 4096, root cell inside it). Whether it is
 * SYSTEM, SOFTWARE or another hive is read from its root keys; names only ever add a host prefix and make a
 * non-hive file named {@code SYSTEM} worth an error row. A disk image, also known by content
 * ({@link ImageAccess#isImage}), yields the SYSTEM and SOFTWARE of each Windows installation in it, read through
 * the image. Nothing here throws for a bad input: every problem becomes an {@link ContentKind#UNREADABLE}
 * candidate carrying its reason.
 */
public final class Discovery {
    private static final int MAX_DEPTH = 64;
    private static final List<String> LOG_SUFFIXES = List.of(".log", ".log1", ".log2");
    private static final Pattern HIVE_NAME = Pattern.compile(
            "(?i)^(?:(.+?)[_\\-. ])?(SYSTEM|SOFTWARE)(?:\\.(?:hiv|hive|dat))?$");

    private final ScanFiles files;
    private final boolean hashAll;

    /**
     * @param files the file system to walk
     * @param hashAll record the SHA-256 of every hive (reads every byte)
     */
    public Discovery(ScanFiles files, boolean hashAll) {
        this.files = files;
        this.hashAll = hashAll;
    }

    /** Every candidate under {@code root} (a folder, or a single file), in walk order. */
    public List<HiveCandidate> discover(String root) throws IOException {
        List<HiveCandidate> out = new ArrayList<>();
        for (Folder f : walk(root, out)) {
            for (ScanEntry e : f.files()) {
                out.addAll(candidatesIn(e, f.entries()));
            }
        }
        return out;
    }

    /**
     * One folder of a walk and its entries: the files to examine, each with its siblings (where its logs are).
     *
     * @param path the folder
     * @param entries its entries, sorted by name
     * @param files the files to examine: every file entry, or just the one given as a root
     */
    public record Folder(String path, List<ScanEntry> entries, List<ScanEntry> files) {
    }

    /**
     * The folders under {@code root}, depth first, without following links, at most {@value #MAX_DEPTH} deep.
     * A folder that cannot be listed adds an UNREADABLE candidate to {@code problems}.
     */
    public List<Folder> walk(String root, List<HiveCandidate> problems) throws IOException {
        ScanEntry top = files.stat(root);
        if (!top.directory()) {
            String parent = files.parent(root);
            List<ScanEntry> siblings = parent == null ? List.of(top) : listQuietly(parent, new ArrayList<>());
            return List.of(new Folder(parent, siblings, List.of(top)));
        }
        List<Folder> out = new ArrayList<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, 0});
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            String dir = (String) next[0];
            int depth = (Integer) next[1];
            List<ScanEntry> entries = listQuietly(dir, problems);
            out.add(new Folder(dir, entries, entries.stream().filter(e -> !e.directory()).toList()));
            if (depth < MAX_DEPTH) {
                for (int i = entries.size() - 1; i >= 0; i--) {
                    if (entries.get(i).directory()) {
                        todo.push(new Object[] {entries.get(i).path(), depth + 1});
                    }
                }
            }
        }
        return out;
    }

    private List<ScanEntry> listQuietly(String dir, List<HiveCandidate> out) {
        try {
            return files.list(dir);
        } catch (IOException | RuntimeException e) {
            out.add(unreadable(SourceRef.file(dir), "folder cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * The candidates one file yields: none, one hive, the hives of a zip, or the hosts of a disk image. The unit
     * of work of a distributed scan. Never throws.
     */
    public List<HiveCandidate> candidatesIn(ScanEntry file) {
        String parent = files.parent(file.path());
        List<ScanEntry> siblings;
        try {
            siblings = parent == null ? List.of(file) : files.list(parent);
        } catch (IOException | RuntimeException e) {
            siblings = List.of(file);
        }
        return candidatesIn(file, siblings);
    }

    /** The candidates of one file whose folder listing is already known. Never throws. */
    public List<HiveCandidate> candidatesIn(ScanEntry file, List<ScanEntry> siblings) {
        SourceRef ref = SourceRef.file(file.path());
        try {
            byte[] head = head(file);
            if (isRegf(head)) {
                return primaryOrNothing(ref, head, () -> localOrRead(file), logsAmong(ref, names(siblings)));
            }
            if (ZipArchive.looksLikeZip(file.name(), head)) {
                return zipCandidates(file.path());
            }
            if (ImageAccess.isImage(file.name(), head, tail(file))) {
                return imageCandidates(file);
            }
            if (namedLikeHive(file.name()) && !isLogName(file.name())) {
                return List.of(unreadable(ref, notAHive(head)));
            }
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(unreadable(ref, "cannot be read: " + e.getMessage()));
        }
    }

    private byte[] head(ScanEntry file) throws IOException {
        int n = (int) Math.min(BaseBlock.SIZE, file.size());
        byte[] head = new byte[n];
        try (ByteSource in = files.open(file.path())) {
            in.readFully(0, head, 0, n);
        }
        return head;
    }

    /** The last sector of a file (where a fixed VHD keeps its only footer), or nothing for a short file. */
    private byte[] tail(ScanEntry file) throws IOException {
        if (file.size() < BaseBlock.SIZE + 512L) {
            return new byte[0];
        }
        byte[] tail = new byte[512];
        try (ByteSource in = files.open(file.path())) {
            in.readFully(file.size() - tail.length, tail, 0, tail.length);
        }
        return tail;
    }

    /**
     * The SYSTEM and SOFTWARE hives of every Windows installation in a disk image, each with the logs beside it
     * in the image. An image that cannot be opened is one UNREADABLE candidate saying why, and so is one without
     * Windows where a volume could not be read (BitLocker, damage: Windows may be there); a readable image with
     * no Windows (a data disk, a Linux VM) is found but holds no host, like a hive that is neither SYSTEM nor
     * SOFTWARE. Only the structures on the way to the hives are read, never the whole image.
     */
    private List<HiveCandidate> imageCandidates(ScanEntry file) {
        SourceRef imageRef = SourceRef.file(file.path());
        List<HiveCandidate> out = new ArrayList<>();
        try (OpenedDisk disk = ImageAccess.open(files, file.path())) {
            if (disk.layout().windows().isEmpty()) {
                String why = "disk image holds no host: " + ImageAccess.noWindows(disk);
                return List.of(ImageAccess.hasUnreadableVolume(disk) ? unreadable(imageRef, why)
                        : new HiveCandidate(imageRef, ContentKind.OTHER, file.size(), null, null, List.of(),
                                imageRef.folder(files), null, null, why));
            }
            for (WindowsInstallation w : disk.layout().windows()) {
                for (String role : List.of("SYSTEM", "SOFTWARE")) {
                    Optional<WindowsInstallation.HiveFile> hive = w.file(role);
                    if (hive.isPresent()) {
                        out.addAll(imageHive(file.path(), w, hive.get()));
                    }
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of(unreadable(imageRef, "disk image cannot be read: " + e.getMessage()));
        }
    }

    private List<HiveCandidate> imageHive(String image, WindowsInstallation w, WindowsInstallation.HiveFile hive) {
        int partition = w.partition().index();
        SourceRef ref = SourceRef.imageFile(image, partition, hive.path());
        List<SourceRef> logs = new ArrayList<>();
        w.logsOf(hive.name()).forEach(l -> logs.add(SourceRef.imageFile(image, partition, l.path())));
        try {
            ByteSource in = hive.file().open();
            byte[] head = new byte[(int) Math.min(BaseBlock.SIZE, in.size())];
            in.readFully(0, head, 0, head.length);
            if (!isRegf(head)) {
                return List.of(unreadable(ref, notAHive(head)));
            }
            return primaryOrNothing(ref, head, () -> HiveBytes.open(in), logs);
        } catch (IOException | RuntimeException e) {
            return List.of(unreadable(ref, "cannot be read: " + e.getMessage()));
        }
    }

    private static List<String> names(List<ScanEntry> entries) {
        List<String> out = new ArrayList<>(entries.size());
        for (ScanEntry e : entries) {
            if (!e.directory()) {
                out.add(e.name());
            }
        }
        return out;
    }

    /** Opens the whole file: mapped when local, else read into memory (bounded). */
    private HiveBytes localOrRead(ScanEntry file) throws IOException {
        Optional<Path> local = files.localPath(file.path());
        if (local.isPresent()) {
            try {
                return HiveBytes.open(local.get());
            } catch (HiveFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        if (file.size() > SourceOpener.MAX_MEMBER_BYTES) {
            throw new IOException(file.path() + ": " + file.size() + " bytes, past the in-memory limit");
        }
        byte[] data = new byte[(int) file.size()];
        try (ByteSource in = files.open(file.path())) {
            in.readFully(0, data, 0, data.length);
        }
        return new ArrayBytes(file.path(), data);
    }

    /** Supplies a hive's bytes only once the head says it is worth opening. */
    private interface BytesSupplier {
        HiveBytes get() throws IOException;
    }

    private List<HiveCandidate> primaryOrNothing(SourceRef ref, byte[] head, BytesSupplier bytes,
            List<SourceRef> logs) throws IOException {
        String insane = baseBlockProblem(ref, head);
        if (insane == null) {
            try (HiveBytes b = bytes.get()) {
                return List.of(classify(ref, b, logs));
            }
        }
        if (insane.isEmpty()) {
            return List.of(); // a transaction log: taken with its hive
        }
        return List.of(unreadable(ref, insane));
    }

    /** null when the base block is a sane primary's, "" for a transaction log, else the problem. */
    private static String baseBlockProblem(SourceRef ref, byte[] head) {
        BaseBlock b;
        try {
            b = BaseBlock.read(new ArrayBytes(ref.toString(), head), 0);
        } catch (HiveFormatException e) {
            return e.getMessage();
        }
        int type = b.fileType();
        if (type == BaseBlock.FILE_TYPE_LOG_OLD || type == BaseBlock.FILE_TYPE_LOG_VERY_OLD
                || type == BaseBlock.FILE_TYPE_LOG_NEW) {
            return "";
        }
        String where = Escaping.terminal(ref.toString()) + ": base block ";
        if (head.length < BaseBlock.SIZE) {
            return where + "truncated: " + head.length + " bytes, expected 4096";
        }
        if (type != BaseBlock.FILE_TYPE_PRIMARY) {
            return where + "at 0x1C file type: expected 0 (primary), found " + Integer.toUnsignedString(type);
        }
        if (b.majorVersion() != 1 || b.minorVersion() < 1 || b.minorVersion() > 6) {
            return where + "at 0x14 version: expected 1.1 to 1.6, found " + Integer.toUnsignedString(b.majorVersion())
                    + "." + Integer.toUnsignedString(b.minorVersion());
        }
        long bins = b.hiveBinsDataSize();
        if (bins <= 0 || bins % BaseBlock.SIZE != 0) {
            return where + "at 0x28 hive bins data size: expected a positive multiple of 4096, found " + bins;
        }
        if (Integer.toUnsignedLong(b.rootCellOffset()) >= bins) {
            return where + "at 0x24 root cell offset: expected below the bins data size " + bins + ", found 0x"
                    + Integer.toHexString(b.rootCellOffset());
        }
        return null;
    }

    private HiveCandidate classify(SourceRef ref, HiveBytes bytes, List<SourceRef> logs) throws IOException {
        BaseBlock base;
        try {
            base = BaseBlock.read(bytes, 0);
        } catch (HiveFormatException e) {
            return unreadable(ref, e.getMessage());
        }
        long need = BaseBlock.SIZE + base.hiveBinsDataSize();
        if (bytes.length() < need) {
            return unreadable(ref, Escaping.terminal(ref.toString()) + ": truncated: the base block (0x28 hive bins"
                    + " data size) says " + need + " bytes, the file has " + bytes.length());
        }
        Fingerprint.Positional pos = Fingerprint.Positional.of(bytes);
        String fingerprint = Fingerprint.of(pos);
        String sha = hashAll ? Fingerprint.sha256(pos) : null;
        String folder = ref.folder(files);
        String prefix = prefixOf(ref.fileName());
        try {
            // The hive takes the bytes over; the caller's close afterwards is harmless (close is idempotent).
            Hive hive = Hive.open(bytes, HiveOptions.lenient());
            ContentKind kind = kindOf(hive.root());
            String computer = kind == ContentKind.SYSTEM ? computerName(hive.root()) : null;
            return new HiveCandidate(ref, kind, bytes.length(), fingerprint, sha, logs, folder, prefix, computer,
                    null);
        } catch (RuntimeException e) {
            return new HiveCandidate(ref, ContentKind.UNREADABLE, bytes.length(), fingerprint, sha, logs, folder,
                    prefix, null, String.valueOf(e.getMessage()));
        }
    }

    /**
     * SYSTEM and SOFTWARE by their root keys, as Windows lays them out: SYSTEM has Select and a control set;
     * SOFTWARE has Microsoft at its root (a user hive has it below Software) with Classes, Policies or
     * {@code Microsoft\Windows NT} beside or below it. Copies trimmed to what an audit reads still qualify.
     */
    static ContentKind kindOf(Key root) throws HiveFormatException {
        if (root.subkey("Select").isPresent()
                && (root.subkey("ControlSet001").isPresent() || root.subkey("ControlSet002").isPresent())) {
            return ContentKind.SYSTEM;
        }
        Optional<Key> microsoft = root.subkey("Microsoft");
        if (microsoft.isPresent() && (root.subkey("Classes").isPresent() || root.subkey("Policies").isPresent()
                || microsoft.get().subkey("Windows NT").isPresent())) {
            return ContentKind.SOFTWARE;
        }
        return ContentKind.OTHER;
    }

    /** ControlSet00N\Control\ComputerName\ComputerName, N from Select\Current; null when unreadable. */
    static String computerName(Key root) {
        try {
            Optional<Long> current = root.subkey("Select").flatMap(k -> valueQuietly(k, "Current"))
                    .flatMap(Discovery::numberQuietly);
            if (current.isEmpty() || current.get() < 1 || current.get() > 999) {
                return null;
            }
            String cs = String.format("ControlSet%03d", current.get());
            Optional<Key> k = root.subkey(cs);
            for (String part : List.of("Control", "ComputerName", "ComputerName")) {
                k = k.isPresent() ? k.get().subkey(part) : k;
            }
            if (k.isEmpty()) {
                return null;
            }
            Optional<Value> v = k.get().value("ComputerName");
            return v.isPresent() ? v.get().asString().orElse(null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<Value> valueQuietly(Key k, String name) {
        try {
            return k.value(name);
        } catch (HiveFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> numberQuietly(Value v) {
        try {
            return v.asNumber();
        } catch (HiveFormatException e) {
            return Optional.empty();
        }
    }

    private List<HiveCandidate> zipCandidates(String zip) {
        List<HiveCandidate> out = new ArrayList<>();
        List<String> members = new ArrayList<>();
        try {
            ZipArchive.forEachMember(files, zip, (name, size, bytes) -> members.add(name));
            ZipArchive.forEachMember(files, zip, (name, size, bytes) -> {
                SourceRef ref = SourceRef.zipMember(zip, name);
                try {
                    out.addAll(zipMember(ref, bytes, members));
                } catch (IOException | RuntimeException e) {
                    out.add(unreadable(ref, "cannot be read: " + e.getMessage()));
                }
            });
        } catch (IOException | RuntimeException e) {
            out.add(unreadable(SourceRef.file(zip), "zip archive cannot be read: " + e.getMessage()));
        }
        return out;
    }

    private List<HiveCandidate> zipMember(SourceRef ref, ZipArchive.MemberBytes bytes, List<String> members)
            throws IOException {
        byte[] head = bytes.head(BaseBlock.SIZE);
        if (isRegf(head)) {
            List<SourceRef> logs = logsAmongMembers(ref, members);
            return primaryOrNothing(ref, head, () -> new ArrayBytes(ref.toString(),
                    bytes.all(SourceOpener.MAX_MEMBER_BYTES)), logs);
        }
        if (namedLikeHive(ref.fileName()) && !isLogName(ref.fileName())) {
            return List.of(unreadable(ref, notAHive(head)));
        }
        return List.of();
    }

    private List<SourceRef> logsAmong(SourceRef hive, List<String> siblingNames) {
        List<SourceRef> out = new ArrayList<>();
        String base = hive.fileName().toLowerCase(Locale.ROOT);
        for (String suffix : LOG_SUFFIXES) {
            for (String n : siblingNames) {
                if (n.toLowerCase(Locale.ROOT).equals(base + suffix)) {
                    out.add(hive.sibling(n, files));
                }
            }
        }
        return out;
    }

    private List<SourceRef> logsAmongMembers(SourceRef hive, List<String> members) {
        String folder = hive.folder(files);
        List<String> siblings = new ArrayList<>();
        for (String m : members) {
            SourceRef r = SourceRef.zipMember(hive.container(), m);
            if (r.folder(files).equals(folder)) {
                siblings.add(r.fileName());
            }
        }
        return logsAmong(hive, siblings);
    }

    static boolean isRegf(byte[] head) {
        return head.length >= 4 && head[0] == 'r' && head[1] == 'e' && head[2] == 'g' && head[3] == 'f';
    }

    static boolean namedLikeHive(String name) {
        return HIVE_NAME.matcher(name).matches();
    }

    private static boolean isLogName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return LOG_SUFFIXES.stream().anyMatch(n::endsWith);
    }

    /** The host prefix of {@code HOST_SYSTEM}, {@code HOST-SOFTWARE.hiv}; null for a bare {@code SYSTEM}. */
    static String prefixOf(String name) {
        Matcher m = HIVE_NAME.matcher(name);
        return m.matches() ? m.group(1) : null;
    }

    private static String notAHive(byte[] head) {
        if (head.length == 0) {
            return "not a hive: the file is empty";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(4, head.length); i++) {
            hex.append(String.format("%02X ", head[i] & 0xFF));
        }
        return "not a hive: named like one, but offset 0x0 signature: expected 72 65 67 66 (\"regf\"), found "
                + hex.toString().trim();
    }

    private HiveCandidate unreadable(SourceRef ref, String problem) {
        return new HiveCandidate(ref, ContentKind.UNREADABLE, -1, null, null, List.of(), ref.folder(files),
                prefixOf(ref.fileName()), null, problem);
    }
}
