package org.hivescan.recovery;

import java.io.IOException;
import org.hivescan.bytes.HiveBytes;
import org.hivescan.hive.Hive;

/**
 * A hive opened for a command, together with what recovery did to it.
 *
 * @param hive the hive as read, with logs applied when they were
 * @param recovery what was found and done about transaction logs
 * @param bytes the bytes the hive reads: the primary file, or the in-memory recovered view over it; owned by
 *     {@code hive}, which closes them ({@code hivescan replay} writes these out)
 */
public record LoadedHive(Hive hive, RecoveryReport recovery, HiveBytes bytes) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        hive.close();
    }
}
