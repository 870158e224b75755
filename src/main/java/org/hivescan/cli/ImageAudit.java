package org.hivescan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hivescan.audit.Auditor;
import org.hivescan.audit.HiveRole;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.recovery.LoadOptions;
import org.hivescan.recovery.LoadedHive;
import org.hivescan.report.Escaping;
import org.hivescan.volume.OpenedDisk;
import org.hivescan.volume.VolumeInfo;
import org.hivescan.volume.WindowsInstallation;

/**
 * {@code hivescan audit IMAGE}: audits each Windows installation found in a disk image (or the one on
 * {@code --partition N}) exactly as a loose folder, its hives and logs read out of the image on demand.
 */
final class ImageAudit {
    private ImageAudit() {
    }

    static int run(AuditCommand command, Auditor auditor, PrintWriter err) throws IOException {
        OpenedDisk disk;
        try {
            disk = OpenedDisk.open(command.dir);
        } catch (IOException e) {
            err.println("hivescan audit: " + Escaping.terminal(String.valueOf(e.getMessage())));
            return ExitCodes.UNREADABLE;
        }
        try (disk) {
            List<WindowsInstallation> chosen = chosen(command, disk);
            if (chosen.isEmpty()) {
                return nothingToAudit(command, disk, err);
            }
            if (chosen.size() > 1 && (command.fix != null || command.fixOffline != null)) {
                return AuditCommand.usageError(err, "the image holds " + chosen.size() + " Windows installations "
                        + "(partitions " + partitions(chosen) + "): choose one with --partition N for a fix file");
            }
            int exit = ExitCodes.OK;
            for (WindowsInstallation w : chosen) {
                if (chosen.size() > 1) {
                    err.println("hivescan audit: Windows on partition " + w.partition().index() + " of "
                            + Escaping.terminal(command.dir.toString()) + ":");
                }
                exit = worse(exit, auditOne(command, auditor, disk, w, err));
            }
            if (command.verbose) {
                err.println("hivescan audit: read " + disk.bytesFetched() + " bytes of the image ("
                        + disk.image().format() + ", " + disk.image().virtualSize() + " bytes virtual)");
            }
            return exit;
        }
    }

    private static List<WindowsInstallation> chosen(AuditCommand command, OpenedDisk disk) {
        List<WindowsInstallation> chosen = new ArrayList<>();
        for (WindowsInstallation w : disk.layout().windows()) {
            if (command.partition == null || command.partition == w.partition().index()) {
                chosen.add(w);
            }
        }
        return chosen;
    }

    private static int nothingToAudit(AuditCommand command, OpenedDisk disk, PrintWriter err) {
        String image = Escaping.terminal(command.dir.toString());
        if (command.partition != null && !disk.layout().windows().isEmpty()) {
            return AuditCommand.usageError(err, "no Windows installation on partition " + command.partition
                    + " of " + image + " (Windows is on partition " + partitions(disk.layout().windows()) + ")");
        }
        err.println("hivescan audit: no Windows installation (Windows\\System32\\config\\SYSTEM or SOFTWARE on an "
                + "NTFS volume) in " + image);
        for (VolumeInfo v : disk.layout().volumes()) {
            if (!v.problem().isEmpty()) {
                err.println("hivescan audit: partition " + v.partition().index() + ": "
                        + Escaping.terminal(v.problem()));
            }
        }
        return ExitCodes.UNREADABLE;
    }

    private static int auditOne(AuditCommand command, Auditor auditor, OpenedDisk disk, WindowsInstallation w,
            PrintWriter err) throws IOException {
        LoadOptions options = command.input.loadOptions();
        try (LoadedHive s = load(command, disk, w, HiveRole.SYSTEM, options, err);
                LoadedHive soft = load(command, disk, w, HiveRole.SOFTWARE, options, err)) {
            return command.audit(auditor, s, display(command, w, "SYSTEM"), soft, display(command, w, "SOFTWARE"),
                    err);
        } catch (AuditCommand.UnreadableHive e) {
            return ExitCodes.UNREADABLE;
        } catch (AuditCommand.WrongHive e) {
            return ExitCodes.USAGE;
        } catch (HiveFormatException e) {
            err.println("hivescan audit: " + Escaping.terminal(String.valueOf(e.getMessage())));
            return ExitCodes.UNREADABLE;
        }
    }

    private static LoadedHive load(AuditCommand command, OpenedDisk disk, WindowsInstallation w, HiveRole role,
            LoadOptions options, PrintWriter err) {
        Optional<WindowsInstallation.HiveFile> file = w.file(role.name());
        if (file.isEmpty()) {
            return null;
        }
        String display = display(command, w, role.name());
        LoadedHive loaded;
        try {
            OpenedDisk.ImageFile found = disk.file(file.get().path(), w.partition().index());
            loaded = ImageHives.load(disk, found, display, AuditCommand.logsOf(options, Path.of(file.get().name())),
                    false);
        } catch (IOException | HiveFormatException e) {
            err.println("hivescan audit: " + role + " hive " + Escaping.terminal(display) + " is unreadable: "
                    + Escaping.terminal(String.valueOf(e.getMessage())));
            throw new AuditCommand.UnreadableHive();
        }
        AuditCommand.checkKind(loaded, display, role, err);
        return loaded;
    }

    private static String display(AuditCommand command, WindowsInstallation w, String hive) {
        return w.file(hive).map(f -> command.dir + ":" + f.path()).orElse(null);
    }

    private static String partitions(List<WindowsInstallation> windows) {
        List<String> numbers = new ArrayList<>();
        windows.forEach(w -> numbers.add(String.valueOf(w.partition().index())));
        return String.join(", ", numbers);
    }

    /** Unreadable beats a finding, a finding beats unknown, unknown beats ready. */
    private static int worse(int a, int b) {
        for (int code : new int[] {ExitCodes.USAGE, ExitCodes.UNREADABLE, ExitCodes.NOT_FOUND_OR_FINDINGS,
            ExitCodes.UNKNOWN}) {
            if (a == code || b == code) {
                return code;
            }
        }
        return ExitCodes.OK;
    }
}
