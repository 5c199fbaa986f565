package org.assist.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** The REST API as a help-desk integration calls it: HTTP Basic, JSON. */
final class Api {
  static final String BASE = TestServer.URL + "/api/v1";

  /** The client for the suite's server, made at first use (another server may be all there is). */
  private static final class Suite {
    static final HttpClient HTTP = Http.client().build();
  }

  /** The server's root, where {@code /assist/...} starts. */
  private final String root;

  private final HttpClient http;
  private final String authorization;

  private Api(String root, HttpClient http, String authorization) {
    this.root = root;
    this.http = http;
    this.authorization = authorization;
  }

  static Api as(String username, String password) {
    return at(TestServer.ROOT, Suite.HTTP, username, password);
  }

  /** The API of another server (root such as {@code https://localhost:8743}), as this user. */
  static Api at(String root, HttpClient http, String username, String password) {
    if (username == null) {
      return new Api(root, http, null);
    }
    String pair = username + ":" + password;
    return new Api(
        root,
        http,
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  static Api admin() {
    return as("admin", TestServer.ADMIN_PASSWORD);
  }

  static Api anonymous() {
    return new Api(TestServer.ROOT, Suite.HTTP, null);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  /** A request with extra headers ({@code name, value, ...}), as a browser would send it. */
  Reply send(String method, String path, String json, String... headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /** GET of anything (a file, say), its status and body as text. */
  Reply getAny(String path) {
    return send(request(path).setHeader("Accept", "*/*").GET());
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

  /** A file part of a multipart request. */
  record Part(String fileName, byte[] content) {}

  /** POST or PUT of a multipart form: text fields and file parts. */
  Reply multipart(String method, String path, java.util.Map<String, Object> parts) {
    String boundary = "assist-" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try {
      for (var entry : parts.entrySet()) {
        body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (entry.getValue() instanceof Part file) {
          body.write(
              ("Content-Disposition: form-data; name=\""
                      + entry.getKey()
                      + "\"; filename=\""
                      + file.fileName()
                      + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          body.write(file.content());
        } else {
          body.write(
              ("Content-Disposition: form-data; name=\""
                      + entry.getKey()
                      + "\"\r\n\r\n"
                      + entry.getValue())
                  .getBytes(StandardCharsets.UTF_8));
        }
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** GET of raw bytes, such as a script file. */
  byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              request(path).setHeader("Accept", "*/*").GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " gave " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply post(String path, JsonObject json) {
    return post(path, json.toString());
  }

  /** GET of JSON from a path from the server's root rather than the API's (the agents' part). */
  Reply getFrom(String rootPath) {
    return send(Http.request(root + rootPath).header("Accept", "application/json").GET());
  }

  /** POST of JSON to a path from the server's root rather than the API's (the agents' part). */
  Reply postTo(String rootPath, JsonObject json) {
    return send(
        Http.request(root + rootPath)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.toString())));
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
        Http.request(root + "/assist/api/v1" + path)
            .header("Accept", "application/json")
            .header("Accept-Language", "en");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
