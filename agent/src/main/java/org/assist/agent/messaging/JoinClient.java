package org.assist.agent.messaging;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.Hello;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.ServerIdentity;

/** Joins a session over HTTP with the number the customer typed. */
public final class JoinClient {
  /** The server said no; the message is meant for the customer. */
  public static final class JoinRefused extends Exception {
    private static final long serialVersionUID = 1L;

    JoinRefused(String message) {
      super(message);
    }
  }

  private static final Random RANDOM = new Random();

  /** Told what the server said each time it was busy, and how many seconds until the next try. */
  private final BiConsumer<String, Integer> busy;

  public JoinClient(BiConsumer<String, Integer> busy) {
    this.busy = busy;
  }

  /**
   * Joins; while the server says it is busy (503), waits what it asks (and a random part more, so
   * that agents refused together do not come back together) and tries again.
   */
  public JoinTicket join(URI server, String number, Hello computer, String agentKey)
      throws IOException, JoinRefused, InterruptedException {
    String body = new JoinRequest(number, computer, agentKey).toJson().toString();
    ServerHttp.Response response;
    JsonObject json;
    while (true) {
      response =
          ServerHttp.send(
              server.resolve(AgentPaths.JOIN),
              Map.of(
                  "Content-Type", "application/json",
                  "Accept", "application/json",
                  "Accept-Language", java.util.Locale.getDefault().toLanguageTag()),
              body.getBytes(StandardCharsets.UTF_8),
              Duration.ofSeconds(30));
      json = parse(new String(response.body(), StandardCharsets.UTF_8));
      if (response.status() != 503) {
        break;
      }
      // without a Retry-After (a proxy in front of a server that is down), as long as the server's
      int wait = response.retryAfterSeconds() > 0 ? response.retryAfterSeconds() : 30;
      wait += RANDOM.nextInt(wait / 2 + 1);
      busy.accept(
          json != null && json.containsKey("message") ? json.getString("message") : "", wait);
      Thread.sleep(wait * 1000L);
    }
    if (response.status() != 200) {
      throw new JoinRefused(
          json != null && json.containsKey("message")
              ? json.getString("message")
              : "The server refused to join (HTTP " + response.status() + ").");
    }
    if (json == null) {
      throw new IOException("the server's answer is not JSON");
    }
    try {
      return JoinTicket.fromJson(json);
    } catch (MalformedMessageException e) {
      throw new IOException("the server's answer is out of shape: " + e.getMessage(), e);
    }
  }

  /**
   * The server's identity (its command-signing key and that key's version), read over the
   * connection whose certificate is pinned.
   */
  public static ServerIdentity identity(URI server) throws IOException {
    ServerHttp.Response response =
        ServerHttp.send(
            server.resolve(AgentPaths.IDENTITY),
            Map.of("Accept", "application/json"),
            null,
            Duration.ofSeconds(30));
    JsonObject json = parse(new String(response.body(), StandardCharsets.UTF_8));
    if (response.status() != 200 || json == null) {
      throw new IOException("the server did not say who it is (HTTP " + response.status() + ")");
    }
    try {
      return ServerIdentity.fromJson(json);
    } catch (MalformedMessageException e) {
      throw new IOException("the server's identity is out of shape: " + e.getMessage(), e);
    }
  }

  private static JsonObject parse(String text) {
    try {
      return JsonCodec.read(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
