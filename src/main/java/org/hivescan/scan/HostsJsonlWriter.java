package org.hivescan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.hivescan.report.Json;

/**
 * Appends {@code hosts.jsonl} lines, one write and flush per line, so a crash loses at most the line being
 * written. {@link #resume} reads what an interrupted run left: the hosts whose line is complete, and it cuts off a
 * torn last line, so that a resumed run neither loses nor repeats a host.
 */
public final class HostsJsonlWriter implements Closeable {
    private final OutputStream out;

    /** What an earlier run finished. */
    public record Resume(Set<String> doneHostIds, long validBytes, boolean tornLineDropped) {
    }

    private HostsJsonlWriter(OutputStream out) {
        this.out = out;
    }

    /** A new file; fails if it exists. */
    public static HostsJsonlWriter create(Path file) throws IOException {
        return new HostsJsonlWriter(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
    }

    /** Appends to an existing file after cutting it back to its last complete line. */
    public static HostsJsonlWriter append(Path file, Resume resume) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(resume.validBytes());
        }
        return new HostsJsonlWriter(Files.newOutputStream(file, StandardOpenOption.APPEND));
    }

    /**
     * Reads an earlier run's file: every complete line that parses and has a host id counts as done; the first
     * line that does not (a torn write at the kill) and everything after it is dropped.
     */
    public static Resume resume(Path file) throws IOException {
        Set<String> done = new HashSet<>();
        if (!Files.exists(file)) {
            return new Resume(done, 0, false);
        }
        long valid = 0;
        boolean torn = false;
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String id = hostId(line.toByteArray());
                if (id == null) {
                    torn = true;
                    break;
                }
                done.add(id);
                valid += line.size() + 1;
                line.reset();
            }
            torn |= line.size() > 0;
        }
        return new Resume(done, valid, torn);
    }

    private static String hostId(byte[] line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            return n != null && n.path("host_id").isTextual() ? n.path("host_id").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    public void write(String jsonLine) throws IOException {
        byte[] bytes = (jsonLine + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
