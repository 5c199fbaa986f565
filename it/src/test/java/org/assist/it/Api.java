package org.assist.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The REST API as a help-desk integration calls it: HTTP Basic, JSON. */
final class Api {
  static final String BASE = TestServer.URL + "/api/v1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String authorization;

  private Api(String authorization) {
    this.authorization = authorization;
  }

  static Api as(String username, String password) {
    String pair = username + ":" + password;
    return new Api(
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  static Api admin() {
    return as("admin", TestServer.ADMIN_PASSWORD);
  }

  static Api anonymous() {
    return new Api(null);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path, JsonObject json) {
    return post(path, json.toString());
  }

  /**
   * Adds a technician with a unique user name; returns that user name (password: its own + "-pw1").
   */
  static String newTechnician(String prefix, String role) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    Reply reply =
        admin()
            .post(
                "/technicians",
                Json.createObjectBuilder()
                    .add("username", username)
                    .add("displayName", "Test " + username)
                    .add("password", passwordOf(username))
                    .add("role", role)
                    .build());
    if (reply.status() != 201) {
      throw new IllegalStateException("could not add " + username + ": " + reply);
    }
    return username;
  }

  static String passwordOf(String username) {
    return username + "-pw1";
  }

  static Api asTechnician(String username) {
    return as(username, passwordOf(username));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Accept-Language", "en");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, String body, HttpHeaders headers) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
