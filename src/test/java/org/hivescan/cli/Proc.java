package org.hivescan.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs hivescan as a separate process, as a user would: bin/hivescan of the checkout, or the built jar with
 * plain {@code java -jar}. For the *IT tests, which Maven runs after the jar is built.
 */
final class Proc {
    record Result(int exit, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Proc() {
    }

    static Path checkout() {
        return Path.of(System.getProperty("hivescan.checkout", ".")).toAbsolutePath().normalize();
    }

    static Path launcher() {
        return checkout().resolve("bin/hivescan");
    }

    static Path jar() {
        return checkout().resolve("target/hivescan.jar");
    }

    /** {@code java -jar target/hivescan.jar ARGS}. */
    static List<String> jarCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Result run(List<String> command, Map<String, String> env) {
        return run(command, env, null);
    }

    /** Runs to completion (at most two minutes: a hang fails the test) with stdin closed. */
    static Result run(List<String> command, Map<String, String> env, Path workDir) {
        try {
            Process p = start(command, env, workDir);
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 120 s: " + command);
            }
            return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Process start(List<String> command, Map<String, String> env, Path workDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
