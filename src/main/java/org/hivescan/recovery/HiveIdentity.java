package org.hivescan.recovery;

import java.util.Arrays;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.bytes.HiveFormatException;
import org.hivescan.format.BaseBlock;

/**
 * Whether a log's base-block copy describes the same hive as the primary. Windows itself does not check; the
 * checks below only use fields that a log shares with its own primary: the Windows 10 resource-manager GUIDs
 * (RmId, LogId, TmId, present when the "rmtm" signature is, §Base block), which the logs of one hive copy from it,
 * and, for new-format logs, the last-written timestamp, which Windows 8.1 and later no longer update, so a log and
 * its primary carry the same one. Old-format logs match on that timestamp in their own rule (see OldFormatReplay).
 */
final class HiveIdentity {
    /** RmId and LogId, then (after the 4-byte Flags field at 144, which legitimately changes) TmId. */
    private static final int RM_AND_LOG_ID = 112;
    private static final int TM_ID = 148;
    private static final int GUID_SIGNATURE = 164;
    private static final byte[] RMTM = {'r', 'm', 't', 'm'};

    private HiveIdentity() {
    }

    /** Why the log belongs to another hive, or null when nothing says so. */
    static String mismatch(HiveBytes primary, BaseBlock base, LogFile log, boolean compareTimestamps)
            throws HiveFormatException {
        HiveBytes other = log.bytes();
        if (hasGuids(primary) && hasGuids(other) && !sameGuids(primary, other)) {
            return "its resource-manager GUIDs (RmId, LogId, TmId) differ from the primary's";
        }
        if (compareTimestamps && log.header().lastWritten() != base.lastWritten()) {
            return String.format("its last-written timestamp 0x%016X differs from the primary's 0x%016X",
                    log.header().lastWritten(), base.lastWritten());
        }
        return null;
    }

    private static boolean hasGuids(HiveBytes bytes) throws HiveFormatException {
        return Arrays.equals(bytes.readBytes(GUID_SIGNATURE, 4), RMTM);
    }

    private static boolean sameGuids(HiveBytes a, HiveBytes b) throws HiveFormatException {
        return Arrays.equals(a.readBytes(RM_AND_LOG_ID, 32), b.readBytes(RM_AND_LOG_ID, 32))
                && Arrays.equals(a.readBytes(TM_ID, 16), b.readBytes(TM_ID, 16));
    }
}
