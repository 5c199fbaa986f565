package org.assist.agent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.assist.protocol.JsonCodec;

/** Joins a session over HTTP with the number the customer typed. */
final class JoinClient {
  /** The server said no; the message is meant for the customer. */
  static final class JoinRefused extends Exception {
    private static final long serialVersionUID = 1L;

    JoinRefused(String message) {
      super(message);
    }
  }

  AgentState join(URI server, String number, ComputerDescription computer)
      throws IOException, JoinRefused {
    String body =
        JsonCodec.object()
            .add("number", number)
            .add("computerName", computer.computerName())
            .add("osName", computer.osName())
            .add("osUser", computer.osUser())
            .build()
            .toString();
    ServerHttp.Response response =
        ServerHttp.send(
            server.resolve("/assist/api/v1/agent/join"),
            Map.of(
                "Content-Type", "application/json",
                "Accept", "application/json",
                "Accept-Language", java.util.Locale.getDefault().toLanguageTag()),
            body.getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(30));
    JsonObject json = parse(new String(response.body(), StandardCharsets.UTF_8));
    if (response.status() != 200) {
      throw new JoinRefused(
          json != null && json.containsKey("message")
              ? json.getString("message")
              : "The server refused to join (HTTP " + response.status() + ").");
    }
    if (json == null) {
      throw new IOException("the server's answer is not JSON");
    }
    return new AgentState(
        server,
        json.getString("agentId"),
        json.getString("secret"),
        json.getJsonNumber("sessionId").longValue(),
        json.getString("sessionNumber"),
        json.getString("technician"),
        json.getString("serverPublicKey"));
  }

  private static JsonObject parse(String text) {
    try {
      return Json.createReader(new StringReader(text)).readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
