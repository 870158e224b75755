package org.hivescan.recovery;

import java.io.IOException;
import org.hivescan.hive.Hive;

/**
 * A hive opened for a command, together with what recovery did to it.
 *
 * @param hive the hive as read, with logs applied when they were
 * @param recovery what was found and done about transaction logs
 */
public record LoadedHive(Hive hive, RecoveryReport recovery) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        hive.close();
    }
}
