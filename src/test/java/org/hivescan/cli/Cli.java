package org.hivescan.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
final class Cli {
    record Result(int exit, String out, String err, byte[] bytes) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, out, new PrintWriter(err));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(), out.toByteArray());
    }
}
