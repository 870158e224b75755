package org.hivescan.recovery;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.hivescan.cli.Main;

/** Runs a hivescan command line in-process and keeps what it printed. */
record CliRunner(int exit, String out, String err) {
    static CliRunner run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, out, new PrintWriter(err, true));
        return new CliRunner(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
