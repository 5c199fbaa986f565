package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assist.agent.messaging.CertificatePin;
import org.assist.agent.messaging.ServerHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as a newcomer starts it: {@code bin/standalone.sh} with no arguments, embedded H2,
 * messaging up, and data still there after a restart. Runs its own copy of the built server on port
 * offset 200, next to the suite's server.
 */
class EmbeddedDefaultsIT {
  private static final String ROOT = "https://localhost:8643";
  private static final String URL = ROOT + "/assist";
  private static final String PASSWORD = "embedded-Admin-1";
  private static Path server;

  /** The certificate the server made itself at its first start, pinned as an agent pins it. */
  private static CertificatePin pin;

  private static HttpClient http;

  @BeforeAll
  static void copyServer() throws IOException {
    Path source = Path.of(System.getProperty("assist.product.server.dir"));
    server = Path.of(System.getProperty("assist.test.output"), "server-embedded");
    deleteTree(server);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = source.relativize(file).toString();
        if (relative.matches(
            "standalone/(data|log|tmp)(/.*)?|.*\\.(deployed|failed|isdeploying)")) {
          continue;
        }
        Path target = server.resolve(relative);
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @AfterAll
  static void removeServer() throws IOException {
    deleteTree(server);
  }

  @Test
  void startsWithNoArgumentsOnH2AndKeepsSessionsAcrossARestart() throws Exception {
    long id;
    Process first = start();
    try {
      awaitUp();
      firstSignIn();
      HttpResponse<String> created = call("POST", "/api/v1/sessions");
      assertEquals(201, created.statusCode(), created.body());
      id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
      // a fresh install has no script category: the form says so, and where to make one
      String form =
          Http.signedIn(Http.client(pin.context()), URL, "admin", PASSWORD)
              .send(
                  Http.request(URL + "/scripts/edit.xhtml").header("Accept-Language", "en").build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertTrue(form.contains("There is no script category yet"), form);
      assertTrue(form.contains("/assist/admin/categories.xhtml"), form);
    } finally {
      stop(first);
    }
    String log = Files.readString(server.resolve("standalone/log/server.log"));
    assertTrue(log.contains("standalone.xml"), "started on its default configuration");
    assertTrue(log.contains("AMQ221007"), "the messaging broker runs (full profile)");
    assertTrue(log.contains("H2"), "on the embedded H2 database");
    assertTrue(
        log.contains("Assist is ready: sign in at https://localhost:8643/assist"),
        "the log says where to sign in");
    assertTrue(
        Files.isRegularFile(server.resolve("standalone/configuration/assist-tls.p12")),
        "the certificate made at the first start is kept");

    Process second = start();
    try {
      awaitUp();
      HttpResponse<String> again = call("GET", "/api/v1/sessions/" + id);
      assertEquals(200, again.statusCode(), "the session survived the restart: " + again.body());
    } finally {
      stop(second);
    }
  }

  /**
   * Without ASSIST_ADMIN_PASSWORD, the first administrator's password is generated into a file only
   * the server's account reads, never into the log, and must be changed before anything else.
   */
  private static void firstSignIn() throws Exception {
    Path file = server.resolve("standalone/data/assist/first-admin-password.txt");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String generated = Files.readString(file).strip();
    String log = Files.readString(server.resolve("standalone/log/server.log"));
    assertTrue(log.contains(file.getFileName().toString()), "the log says where it is");
    assertFalse(log.contains(generated), "the password itself is not in the log");

    // the console shows only the account page, which says why
    String console =
        Http.signedIn(Http.client(pin.context()), URL, "admin", generated)
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

  private static Process start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    server.resolve("bin/standalone.sh").toString(),
                    "-Djboss.socket.binding.port-offset=200"))
            .redirectErrorStream(true)
            .redirectOutput(server.resolve("console.log").toFile());
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("ASSIST_DB_") || name.equals("ASSIST_ADMIN_PASSWORD"));
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    builder.environment().put("JBOSS_HOME", server.toString());
    return builder.start();
  }

  /**
   * Waits until the server answers over HTTPS. The first time, pins the certificate it presents;
   * after a restart, checks it presents the same one (agents' pins stay good).
   */
  private static void awaitUp() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      try {
        String presented =
            CertificatePin.fingerprint(ServerHttp.presentedCertificate(URI.create(ROOT)));
        if (pin == null) {
          pin = CertificatePin.of(presented);
          http = Http.client(pin.context()).build();
        }
        assertEquals(pin.fingerprint(), presented, "the same certificate after a restart");
        if (http.send(
                    Http.request(URL + "/login.xhtml").build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the embedded server did not come up");
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    // standalone.sh forwards the signal; wait until the server's own process is gone too
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && listening()) {
      Thread.sleep(250);
    }
  }

  private static boolean listening() {
    if (http == null) {
      return false;
    }
    try {
      call("GET", "/login.xhtml");
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
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
    return http.send(
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

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
