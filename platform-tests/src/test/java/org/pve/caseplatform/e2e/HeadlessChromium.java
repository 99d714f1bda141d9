package org.pve.caseplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools protocol (the JDK's WebSocket, no driver library):
 * opens a page, evaluates JavaScript in it, takes screenshots, and records what the page loaded and what it logged as
 * an error (a script error, a blocked request, a content security policy violation). The binary is
 * {@code -Dchromium.binary} or /usr/bin/chromium; .ci/check-monitoring.sh installs it in CI.
 */
final class HeadlessChromium implements AutoCloseable {

    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--remote-debugging-port=0", "--window-size=1400,1600");

    private final ObjectMapper json = new ObjectMapper();
    private final Path profile;
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Path profile, Process process, WebSocket.Builder sockets, URI page) {
        this.profile = profile;
        this.process = process;
        this.socket = sockets.buildAsync(page, new Listener()).join();
    }

    static HeadlessChromium start() {
        Path binary = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " not found: install Debian's chromium (bash "
                    + ".ci/check-monitoring.sh does) or point -Dchromium.binary at one");
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.add("about:blank");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
            int port = devToolsPort(profile, process);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String page = null;
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    page = target.get("webSocketDebuggerUrl").asText();
                }
            }
            if (page == null) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium opened no page: " + targets);
            }
            HeadlessChromium browser = new HeadlessChromium(profile, process, http.newWebSocketBuilder(),
                    URI.create(page));
            browser.send("Page.enable", Map.of());
            browser.send("Network.enable", Map.of());
            browser.send("Log.enable", Map.of());
            browser.send("Runtime.enable", Map.of());
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the URL in the page (returns once navigation started; wait for what the page draws). */
    void open(String url) {
        JsonNode result = send("Page.navigate", Map.of("url", url));
        if (result.has("errorText")) {
            throw new IllegalStateException("Chromium could not open " + url + ": " + result.get("errorText"));
        }
    }

    /** Evaluates the expression in the page and returns its value (JSON-serialisable), or null when undefined. */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw on " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").get("value");
    }

    /** A PNG of the whole page, {@code width} CSS pixels wide. */
    void screenshot(Path file, int width) {
        int height = evaluate("Math.ceil(document.body.lastElementChild.getBoundingClientRect().bottom"
                + " + window.scrollY) + 16").asInt();
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every URL the page requested so far. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    /** Every error the page logged so far: script errors, failed or blocked loads, policy violations. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", json.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(json.writeValueAsString(message), true).join();
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " had no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind
        }
    }

    private void onMessage(String text) throws IOException {
        JsonNode message = json.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Network.requestWillBeSent" -> requested.add(params.path("request").path("url").asText());
            case "Network.loadingFailed" -> errors.add("load failed: " + params.path("errorText").asText()
                    + " " + params.path("blockedReason").asText(""));
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    errors.add(params.path("entry").path("source").asText() + ": "
                            + params.path("entry").path("text").asText());
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("script: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if ("error".equals(params.path("type").asText())) {
                    errors.add("console.error: " + params.path("args"));
                }
            }
            default -> {
            }
        }
    }

    /** The DevTools port Chromium chose, from the DevToolsActivePort file it writes into its profile. */
    private static int devToolsPort(Path profile, Process process) throws IOException, InterruptedException {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + "; see "
                        + profile.resolveSibling(profile.getFileName() + ".log"));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Chromium opened no DevTools port within 30 s");
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(text);
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
