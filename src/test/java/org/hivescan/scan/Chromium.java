package org.hivescan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless chromium driven over the DevTools protocol (a WebSocket, with Java's own HTTP client): no
 * browser download, no npm. Every event is kept so a test can look for exceptions, console errors and requests.
 */
final class Chromium implements Closeable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts chromium with a fresh profile and attaches to its first page. */
    static Chromium start(Path profile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String browserWs = awaitListening(p);
        int port = URI.create(browserWs).getPort();
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        for (int attempt = 0; attempt < 100 && pageWs == null; attempt++) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode t : Fleets.JSON.readTree(list)) {
                if (t.path("type").asText().equals("page")) {
                    pageWs = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageWs == null) {
                Thread.sleep(50);
            }
        }
        if (pageWs == null) {
            p.destroyForcibly();
            throw new IOException("chromium opened no page");
        }
        Listener listener = new Listener();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), listener).join();
        Chromium c = new Chromium(p, ws);
        listener.owner = c;
        return c;
    }

    private static String awaitListening(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // The browser is gone; nothing left to read.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium did not start its DevTools endpoint:\n" + seen);
    }

    /** Sends a command and waits for its result (or throws with the protocol error). */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = Fleets.JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", Fleets.JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(Fleets.JSON.writeValueAsString(msg), true).join();
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.path("error"));
        }
        return r.path("result");
    }

    /** Evaluates an expression in the page and returns its value (by value, so arrays come back whole). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + r.path("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits for an event by method name. */
    JsonNode await(String method, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode e : events) {
                if (e.path("method").asText().equals(method)) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no " + method + " within " + timeout);
    }

    List<JsonNode> events(String method) {
        List<JsonNode> out = new ArrayList<>();
        events.stream().filter(e -> e.path("method").asText().equals(method)).forEach(out::add);
        return out;
    }

    private void received(String text) {
        try {
            JsonNode n = Fleets.JSON.readTree(text);
            if (n.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(n.path("id").asInt());
                if (f != null) {
                    f.complete(n);
                }
            } else {
                events.add(n);
            }
        } catch (IOException e) {
            events.add(Fleets.JSON.createObjectNode().put("method", "unparsable").put("text", text));
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Joins the fragments of each text message. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                while (owner == null) {
                    Thread.onSpinWait();
                }
                owner.received(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
