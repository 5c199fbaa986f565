package org.assist.agent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Joins a session over HTTP with the number the customer typed. */
final class JoinClient {
  /** The server said no; the message is meant for the customer. */
  static final class JoinRefused extends Exception {
    private static final long serialVersionUID = 1L;

    JoinRefused(String message) {
      super(message);
    }
  }

  private final HttpClient http = ServerHttp.client();

  AgentState join(URI server, String number, ComputerDescription computer)
      throws IOException, InterruptedException, JoinRefused {
    String body =
        Json.createObjectBuilder()
            .add("number", number)
            .add("computerName", computer.computerName())
            .add("osName", computer.osName())
            .add("osUser", computer.osUser())
            .build()
            .toString();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(server.resolve("/assist/api/v1/agent/join"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", java.util.Locale.getDefault().toLanguageTag())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonObject json = parse(response.body());
    if (response.statusCode() != 200) {
      throw new JoinRefused(
          json != null && json.containsKey("message")
              ? json.getString("message")
              : "The server refused to join (HTTP " + response.statusCode() + ").");
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
