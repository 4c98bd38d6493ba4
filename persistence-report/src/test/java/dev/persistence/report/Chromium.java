package dev.persistence.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven over its DevTools protocol: a minimal client on the JDK's own WebSocket
 * ({@code java.net.http}), one page attached with a flat session. Chromium starts with the flags the machines
 * here need (no sandbox as root, no GPU, no background networking, a fresh profile).
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long COMMAND_SECONDS = 60;

  private final Process process;
  private final Path profile;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private WebSocket socket;
  private String session;

  private Chromium(Path executable) throws IOException {
    profile = Files.createTempDirectory("persistence-chromium-");
    List<String> command =
        List.of(
            executable.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--hide-scrollbars",
            "--mute-audio",
            "--remote-debugging-port=0",
            "--remote-allow-origins=*",
            "--user-data-dir=" + profile,
            "about:blank");
    process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /**
   * Starts Chromium and attaches to a new blank page.
   *
   * @param executable the chromium binary
   */
  static Chromium start(Path executable) throws IOException {
    Chromium chromium = new Chromium(executable);
    try {
      chromium.connect();
      return chromium;
    } catch (IOException | RuntimeException e) {
      chromium.close();
      throw e;
    }
  }

  private void connect() throws IOException {
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  stderr.add(line);
                  Matcher matcher = LISTENING.matcher(line);
                  if (matcher.find()) {
                    endpoint.complete(matcher.group(1));
                  }
                }
              } catch (IOException e) {
                endpoint.completeExceptionally(e);
              }
              endpoint.completeExceptionally(new IOException("chromium exited"));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      String url = endpoint.get(60, TimeUnit.SECONDS);
      socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(url), new Listener())
              .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "chromium did not open its DevTools endpoint (" + e + "); its stderr:\n" + String.join("\n", stderr), e);
    }
    String target = browser("Target.createTarget", params().put("url", "about:blank")).get("targetId").asText();
    session =
        browser("Target.attachToTarget", params().put("targetId", target).put("flatten", true))
            .get("sessionId")
            .asText();
  }

  /** A fresh parameters object. */
  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** A command to the browser itself. */
  JsonNode browser(String method, ObjectNode params) {
    return send(method, params, null);
  }

  /** A command to the attached page. */
  JsonNode page(String method, ObjectNode params) {
    return send(method, params, session);
  }

  private JsonNode send(String method, ObjectNode params, String sessionId) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (this) {
      socket.sendText(message.toString(), true).join();
    }
    JsonNode answer;
    try {
      answer = reply.get(COMMAND_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(method + ": no answer in " + COMMAND_SECONDS + " s", e);
    } catch (Exception e) {
      throw new IllegalStateException(method + ": " + e, e);
    } finally {
      pending.remove(id);
    }
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  /**
   * Evaluates an expression in the page (awaiting a promise), returning its value as JSON.
   *
   * @param expression JavaScript
   */
  JsonNode evaluate(String expression) {
    JsonNode result =
        page(
            "Runtime.evaluate",
            params().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** The events received so far, in arrival order. */
  List<JsonNode> events() {
    return new ArrayList<>(events);
  }

  /**
   * Waits for an event of the attached page.
   *
   * @param method the event's method
   * @param seconds how long to wait
   */
  JsonNode await(String method, long seconds) throws InterruptedException {
    Predicate<JsonNode> match = e -> method.equals(e.path("method").asText());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      for (JsonNode event : events) {
        if (match.test(event)) {
          return event;
        }
      }
      synchronized (events) {
        events.wait(50);
      }
    }
    throw new IllegalStateException("no " + method + " in " + seconds + " s");
  }

  /**
   * A PNG screenshot of the whole page (beyond the viewport), written to {@code file}.
   *
   * @param file where to write
   * @param clip an optional clip {@code x, y, width, height, scale}; null for the whole page
   */
  void screenshot(Path file, double[] clip) throws IOException {
    ObjectNode params = params().put("format", "png").put("captureBeyondViewport", true);
    if (clip != null) {
      params
          .putObject("clip")
          .put("x", clip[0])
          .put("y", clip[1])
          .put("width", clip[2])
          .put("height", clip[3])
          .put("scale", clip[4]);
    }
    JsonNode shot = page("Page.captureScreenshot", params);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /**
   * The page printed to PDF with its print stylesheet, written to {@code file}.
   *
   * @param file where to write
   */
  void printToPdf(Path file) throws IOException {
    JsonNode pdf = page("Page.printToPDF", params().put("preferCSSPageSize", true).put("printBackground", false));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(pdf.get("data").asText()));
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        try {
          browser("Browser.close", params());
        } catch (RuntimeException e) {
          // Already gone: the process is ended below either way.
        }
        socket.abort();
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A leftover temporary profile is harmless.
      }
    }
  }

  /** Chromium's stderr so far, for failure messages. */
  String stderr() {
    return String.join("\n", stderr);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          } else {
            events.add(message);
            synchronized (events) {
              events.notifyAll();
            }
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "client.unreadable").put("text", text.toString()));
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
