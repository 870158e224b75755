package org.hivescan.recovery;

import java.nio.file.Path;
import java.util.List;
import org.hivescan.bytes.OverlayBytes;

/**
 * What a replay produced.
 *
 * @param view the recovered hive's bytes, or null when nothing was applied (the primary is read as it is)
 * @param notes what was applied from each log, or why a log was not
 * @param applied the logs whose data went into {@code view}, in the order applied
 */
record ReplayResult(OverlayBytes view, List<String> notes, List<Path> applied) {
}
