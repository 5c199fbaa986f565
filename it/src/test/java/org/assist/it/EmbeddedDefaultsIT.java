package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as a newcomer starts it: {@code bin/standalone.sh} with no arguments, embedded H2,
 * messaging up, and data still there after a restart. Runs its own copy of the built server on port
 * offset 200, next to the suite's server.
 */
class EmbeddedDefaultsIT {
  private static final String URL = "https://localhost:8643/assist";
  private static final String PASSWORD = "embedded-Admin-1";
  private static ProductServer server;

  @BeforeAll
  static void copyServer() throws IOException {
    server = ProductServer.copy("server-embedded", 200);
  }

  @AfterAll
  static void removeServer() throws Exception {
    server.close();
  }

  @Test
  void startsWithNoArgumentsOnH2AndKeepsSessionsAcrossARestart() throws Exception {
    long id;
    server.start(java.util.Map.of());
    try {
      server.awaitUp(java.time.Duration.ofSeconds(180));
      firstSignIn();
      HttpResponse<String> created = call("POST", "/api/v1/sessions");
      assertEquals(201, created.statusCode(), created.body());
      id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
      // a fresh install has no script category: the form says so, and where to make one
      String form =
          Http.signedIn(Http.client(server.pin().context()), URL, "admin", PASSWORD)
              .send(
                  Http.request(URL + "/scripts/edit.xhtml").header("Accept-Language", "en").build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertTrue(form.contains("There is no script category yet"), form);
      assertTrue(form.contains("/assist/admin/categories.xhtml"), form);
    } finally {
      server.stop();
    }
    String log = Files.readString(server.home().resolve("standalone/log/server.log"));
    assertTrue(log.contains("standalone.xml"), "started on its default configuration");
    assertTrue(log.contains("AMQ221007"), "the messaging broker runs (full profile)");
    assertTrue(log.contains("H2"), "on the embedded H2 database");
    assertTrue(
        log.contains("Assist is ready: sign in at https://localhost:8643/assist"),
        "the log says where to sign in");
    assertTrue(
        Files.isRegularFile(server.home().resolve("standalone/configuration/assist-tls.p12")),
        "the certificate made at the first start is kept");

    server.start(java.util.Map.of());
    try {
      server.awaitUp(java.time.Duration.ofSeconds(180));
      HttpResponse<String> again = call("GET", "/api/v1/sessions/" + id);
      assertEquals(200, again.statusCode(), "the session survived the restart: " + again.body());
    } finally {
      server.stop();
    }
  }

  /**
   * Without ASSIST_ADMIN_PASSWORD, the first administrator's password is generated into a file only
   * the server's account reads, never into the log, and must be changed before anything else.
   */
  private static void firstSignIn() throws Exception {
    Path file = server.home().resolve("standalone/data/assist/first-admin-password.txt");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String generated = Files.readString(file).strip();
    String log = Files.readString(server.home().resolve("standalone/log/server.log"));
    assertTrue(log.contains(file.getFileName().toString()), "the log says where it is");
    assertFalse(log.contains(generated), "the password itself is not in the log");

    // the console shows only the account page, which says why
    String console =
        Http.signedIn(Http.client(server.pin().context()), URL, "admin", generated)
            .send(
                Http.request(URL + "/sessions/list.xhtml").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertTrue(console.contains("Your password was generated"), console);
    assertTrue(console.contains("passwordForm"), console);
    HttpResponse<String> refused = callAs(generated, "GET", "/api/v1/sessions", null);
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("choose your own first"), refused.body());
    HttpResponse<String> changed =
        callAs(
            generated,
            "POST",
            "/api/v1/account/password",
            "{\"currentPassword\":\"" + generated + "\",\"newPassword\":\"" + PASSWORD + "\"}");
    assertEquals(204, changed.statusCode(), changed.body());
    assertFalse(Files.exists(file), "the generated password is forgotten once changed");
    assertEquals(200, call("GET", "/api/v1/sessions").statusCode());
  }

  private static HttpResponse<String> call(String method, String path)
      throws IOException, InterruptedException {
    return callAs(PASSWORD, method, path, null);
  }

  private static HttpResponse<String> callAs(
      String password, String method, String path, String json)
      throws IOException, InterruptedException {
    String auth =
        Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    return server
        .http()
        .send(
            Http.request(URL + path)
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
