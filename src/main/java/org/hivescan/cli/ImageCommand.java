package org.hivescan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.container.ImageVerification;
import org.hivescan.hive.Hive;
import org.hivescan.hive.Key;
import org.hivescan.hive.KeyPath;
import org.hivescan.hive.Value;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;
import org.hivescan.volume.OpenedDisk;
import org.hivescan.volume.Partition;
import org.hivescan.volume.PartitionTable;
import org.hivescan.volume.VolumeInfo;
import org.hivescan.volume.WindowsInstallation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hivescan image}: what a disk image holds, read without mounting or converting it: the container format and
 * virtual size, the partition table, the file system of each partition (BitLocker flagged), the Windows
 * installations with their build, edition and computer name, and the hives and logs with their sizes.
 */
@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Describe a disk image (raw, VHD, VHDX, VMDK, QCOW2, E01): partitions, file systems, Windows "
            + "installations, hives and logs.",
            "Exit status: 0 done, 3 unreadable or unsupported image, 2 usage error."})
public final class ImageCommand implements Callable<Integer> {
    private static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", description = "The disk image file (for split or segmented images, the first).")
    Path image;

    @Option(names = "--json", description = "Write JSON instead of text.")
    boolean json;

    @Option(names = "--verify-image", description = "Hash the whole disk and compare with the hashes the image "
            + "stores (E01); reads every byte.")
    boolean verifyImage;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = Messages.unreadable(image);
        if (problem != null) {
            // The same words and exit code as every other command given a missing or unreadable input.
            err.println("hivescan image: " + Escaping.terminal(image.toString()) + ": " + problem);
            return ExitCodes.UNREADABLE;
        }
        Map<String, Object> report;
        try (OpenedDisk disk = OpenedDisk.open(image)) {
            report = describe(disk, err);
        } catch (IOException e) {
            err.println("hivescan image: " + Escaping.terminal(String.valueOf(e.getMessage())));
            return ExitCodes.UNREADABLE;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            ImageText.write(report, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, Object> describe(OpenedDisk disk, PrintWriter err) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("file", image.toString());
        container.put("format", disk.image().format());
        container.put("virtual_size", disk.image().virtualSize());
        container.put("metadata", disk.image().metadata());
        if (verifyImage) {
            ImageVerification v = disk.image().verifyImage();
            container.put("verification", v);
        }
        report.put("image", container);
        report.put("partition_table", table(disk.layout().table(), disk.layout().volumes()));
        List<Object> windows = new ArrayList<>();
        for (WindowsInstallation w : disk.layout().windows()) {
            windows.add(windows(disk, w, err));
        }
        report.put("windows", windows);
        report.put("bytes_read", disk.bytesFetched());
        return report;
    }

    private static Map<String, Object> table(PartitionTable table, List<VolumeInfo> volumes) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("scheme", table.scheme().name());
        t.put("sector_size", table.sectorSize());
        t.put("disk_id", table.diskId());
        List<Object> partitions = new ArrayList<>();
        for (VolumeInfo v : volumes) {
            Partition p = v.partition();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", p.index());
            m.put("type", p.type());
            m.put("type_name", p.typeName());
            m.put("name", p.name());
            m.put("start", p.start());
            m.put("length", p.length());
            m.put("flags", p.flags());
            m.put("file_system", v.fileSystem());
            m.put("label", v.label());
            m.put("bitlocker", v.bitLocker());
            m.put("problem", v.problem());
            partitions.add(m);
        }
        t.put("partitions", partitions);
        return t;
    }

    private static Map<String, Object> windows(OpenedDisk disk, WindowsInstallation w, PrintWriter err) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", w.partition().index());
        m.put("config", w.configDir());
        Facts facts = facts(disk, w, err);
        m.put("product_name", facts.product);
        m.put("edition", facts.edition);
        m.put("build", facts.build);
        m.put("display_version", facts.displayVersion);
        m.put("computer_name", facts.computerName);
        List<Object> files = new ArrayList<>();
        for (WindowsInstallation.HiveFile f : w.files()) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", f.name());
            file.put("path", f.path());
            file.put("size", f.size());
            file.put("log", f.isLog());
            files.add(file);
        }
        m.put("files", files);
        return m;
    }

    /** What the hives say about the installation; a field stays null when its hive or value is missing. */
    private static final class Facts {
        String product;
        String edition;
        String build;
        String displayVersion;
        String computerName;
    }

    private static Facts facts(OpenedDisk disk, WindowsInstallation w, PrintWriter err) {
        Facts facts = new Facts();
        withHive(disk, w, "SOFTWARE", err, hive -> {
            facts.product = text(hive, CURRENT_VERSION, "ProductName");
            facts.edition = text(hive, CURRENT_VERSION, "EditionID");
            facts.build = text(hive, CURRENT_VERSION, "CurrentBuildNumber");
            if (facts.build == null) {
                facts.build = text(hive, CURRENT_VERSION, "CurrentBuild");
            }
            facts.displayVersion = text(hive, CURRENT_VERSION, "DisplayVersion");
        });
        withHive(disk, w, "SYSTEM", err, hive -> facts.computerName = text(hive,
                "CurrentControlSet\\Control\\ComputerName\\ComputerName", "ComputerName"));
        return facts;
    }

    private interface HiveUse {
        void accept(Hive hive) throws HiveFormatException;
    }

    private static void withHive(OpenedDisk disk, WindowsInstallation w, String name, PrintWriter err, HiveUse use) {
        Optional<WindowsInstallation.HiveFile> file = w.file(name);
        if (file.isEmpty()) {
            return;
        }
        String display = disk.image().disk().name() + ":" + file.get().path();
        try {
            OpenedDisk.ImageFile found = disk.file(file.get().path(), w.partition().index());
            try (LoadedHive loaded = ImageHives.load(disk, found, display, LoadOptions.defaults(), false)) {
                use.accept(loaded.hive());
            }
        } catch (IOException | HiveFormatException e) {
            err.println("hivescan image: warning: cannot read " + Escaping.terminal(display) + ": "
                    + Escaping.terminal(String.valueOf(e.getMessage())));
        }
    }

    private static String text(Hive hive, String path, String value) throws HiveFormatException {
        Optional<KeyPath.Resolution> key = hive.resolve(path);
        if (key.isEmpty()) {
            return null;
        }
        Key k = key.get().key();
        Optional<Value> v = k.value(value);
        if (v.isEmpty()) {
            return null;
        }
        Optional<String> s = v.get().asString();
        if (s.isPresent()) {
            return s.get();
        }
        return v.get().asNumber().map(String::valueOf).orElse(null);
    }
}
