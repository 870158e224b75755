package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/** A real pipe whose reading end is closed after one line, as {@code hivescan ... | head -1} does. */
class BrokenPipeIT {
    private static final String SYSTEM_B = TestPaths.corpus()
            .resolve("mkorman90_regipy/regipy_tests/data/SYSTEM_B").toString();

    private static void readOneLineThenClose(List<String> command) throws Exception {
        Process p = Proc.start(command, Map.of(), null);
        CompletableFuture<byte[]> err = Proc.drain(p.getErrorStream());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isNotEmpty();
        out.close();
        // The hang guard: a command that kept walking after the close would still be running long after this.
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited after its reader closed: " + command).isTrue();
        assertThat(p.exitValue()).as(command.toString()).isEqualTo(ExitCodes.OUTPUT_CLOSED);
        assertThat(new String(err.join(), StandardCharsets.UTF_8)).as(command.toString()).isEmpty();
    }

    @Test
    void exportIntoAClosedPipeEndsQuietly() throws Exception {
        readOneLineThenClose(Proc.jarCommand("export", SYSTEM_B, "--format", "jsonl"));
    }

    @Test
    void recursiveListingIntoAClosedPipeEndsQuietly() throws Exception {
        readOneLineThenClose(List.of(Proc.launcher().toString(), "ls", SYSTEM_B, "-r"));
    }
}
