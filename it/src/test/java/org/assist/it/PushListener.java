package org.assist.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/** A console's live connection, opened with a technician's sign-in, collecting what comes. */
final class PushListener implements WebSocket.Listener {
  private final List<String> messages = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private WebSocket socket;

  /** Signs the browser in as this user and opens a connection with its cookies. */
  static PushListener of(Browser browser, String user, String language) {
    browser.driver.manage().deleteAllCookies();
    browser.signIn(user, Api.passwordOf(user));
    return connect(cookies(browser), null, language).join();
  }

  /** The browser's cookies, as a header. */
  static String cookies(Browser browser) {
    return browser.driver.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Opens a connection with these cookies, as a page of {@code origin} would (null: none). */
  static CompletableFuture<PushListener> connect(String cookies, String origin, String language) {
    PushListener listener = new PushListener();
    WebSocket.Builder builder =
        Http.client()
            .build()
            .newWebSocketBuilder()
            .connectTimeout(Http.TIMEOUT)
            .header("Cookie", cookies);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return builder
        .buildAsync(
            URI.create(
                "wss://"
                    + TestServer.HOST
                    + ":"
                    + TestServer.HTTPS_PORT
                    + "/assist/push?lang="
                    + language),
            listener)
        .thenApply(
            socket -> {
              listener.socket = socket;
              return listener;
            });
  }

  @Override
  public synchronized CompletionStage<?> onText(
      WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
      notifyAll();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  synchronized List<String> all() {
    return List.copyOf(messages);
  }

  /** The first message with this text, waiting for it. */
  synchronized JsonObject await(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      for (String message : messages) {
        if (message.contains(text)) {
          return Json.createReader(new StringReader(message)).readObject();
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no live update with " + text + " in " + messages);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** The server's closing code, once it closed the connection. */
  CompletableFuture<Integer> closed() {
    return closed;
  }

  void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }
}
