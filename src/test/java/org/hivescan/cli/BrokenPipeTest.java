package org.hivescan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.hivescan.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * A reader that goes away stops the command at once and quietly. In-process, with a stream that fails as a closed
 * pipe does, so that the number of writes tried after the failure can be counted (BrokenPipeIT closes a real pipe).
 */
class BrokenPipeTest {
    private static final String SYSTEM = TestPaths.corpus().resolve("mkorman90_regipy/regipy_tests/data/SYSTEM")
            .toString();

    /** Accepts {@code limit} bytes, then fails every write with EPIPE's message, counting the attempts. */
    private static final class ClosingPipe extends OutputStream {
        private final int limit;
        private int written;
        int attemptsAfterClose;

        ClosingPipe(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                attemptsAfterClose++;
                throw new IOException("Broken pipe");
            }
            written += len;
        }
    }

    @Test
    void everyStreamingCommandStopsAtTheFirstFailedWrite() {
        String[][] commands = {
            {"ls", SYSTEM, "-r"},
            {"ls", SYSTEM, "-r", "--json"},
            {"export", SYSTEM, "--format", "jsonl"},
            {"export", SYSTEM, "--format", "reg"},
            {"export", SYSTEM, "--format", "canon"},
            {"find", SYSTEM, "a"},
            {"find", SYSTEM, "a", "--json"},
            {"timeline", SYSTEM},
        };
        for (String[] args : commands) {
            ClosingPipe pipe = new ClosingPipe(100);
            StringWriter err = new StringWriter();
            int exit = Main.run(args, pipe, new PrintWriter(err));
            String what = String.join(" ", args);
            assertThat(exit).as(what).isEqualTo(ExitCodes.OUTPUT_CLOSED);
            assertThat(err.toString()).as(what).isEmpty();
            // One failed write ends the command; closing the buffered layers on the way out may each try once
            // more. A command that carried on would try once per key (tens of thousands here).
            assertThat(pipe.attemptsAfterClose).as(what).isBetween(1, 3);
        }
    }

    @Test
    void otherWriteErrorsAreStillReported() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"export", SYSTEM, "--format", "jsonl"}, full, new PrintWriter(err));
        assertThat(exit).isNotZero().isNotEqualTo(ExitCodes.OUTPUT_CLOSED);
        assertThat(err.toString()).contains("No space left on device");
    }
}
