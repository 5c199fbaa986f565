package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assist.agent.messaging.CertificatePin;
import org.assist.agent.messaging.ServerHttp;

/**
 * A copy of the built product (ear/target/server) started as README says, {@code bin/standalone.sh}
 * with no arguments but a port offset, on its embedded H2 database, next to the suite's server; it
 * can be stopped, killed outright and started again.
 */
final class ProductServer implements AutoCloseable {
  private final Path home;
  private final int offset;
  private Process process;

  /** The certificate the server made itself at its first start, pinned as an agent pins it. */
  private CertificatePin pin;

  private HttpClient http;

  private ProductServer(Path home, int offset) {
    this.home = home;
    this.offset = offset;
  }

  /** A fresh copy (no data, no logs) in the test output folder, to run on this port offset. */
  static ProductServer copy(String name, int offset) throws IOException {
    Path source = Path.of(System.getProperty("assist.product.server.dir"));
    Path home = Path.of(System.getProperty("assist.test.output"), name);
    deleteTree(home);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String relative = source.relativize(file).toString();
        if (relative.matches(
            "standalone/(data|log|tmp)(/.*)?|.*\\.(deployed|failed|isdeploying)")) {
          continue;
        }
        Path target = home.resolve(relative);
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return new ProductServer(home, offset);
  }

  Path home() {
    return home;
  }

  /** Where {@code /assist/...} starts, such as {@code https://localhost:8643}. */
  String root() {
    return "https://localhost:" + (8443 + offset);
  }

  String url() {
    return root() + "/assist";
  }

  /** A client that trusts the certificate pinned at the first start (after {@link #awaitUp}). */
  HttpClient http() {
    return http;
  }

  CertificatePin pin() {
    return pin;
  }

  /** Starts it without the suite's database settings, with these environment variables. */
  void start(Map<String, String> environment) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    home.resolve("bin/standalone.sh").toString(),
                    "-Djboss.socket.binding.port-offset=" + offset))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("ASSIST_") || name.equals("JBOSS_JAVA_SIZING"));
    builder.environment().putAll(environment);
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
    builder.environment().put("JBOSS_HOME", home.toString());
    process = builder.start();
  }

  /**
   * Waits until it answers over HTTPS. The first time, pins the certificate it presents; after a
   * restart, checks it presents the same one (agents' pins stay good).
   */
  void awaitUp(Duration timeout) throws Exception {
    Poll.until(timeout, "the product server answering", this::answers, up -> up);
  }

  /** Whether it answers over HTTPS now, with the certificate pinned at its first start. */
  private boolean answers() throws InterruptedException {
    try {
      String presented =
          CertificatePin.fingerprint(ServerHttp.presentedCertificate(URI.create(root())));
      if (pin == null) {
        pin = CertificatePin.of(presented);
        http = Http.client(pin.context()).build();
      }
      assertEquals(pin.fingerprint(), presented, "the same certificate after a restart");
      return http.send(
                  Http.request(url() + "/login.xhtml").build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The server's own Java process (standalone.sh starts it). */
  ProcessHandle java() {
    return process
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the server's java process is not running"));
  }

  /** kill -9 of the server's Java process: no shutdown, nothing flushed. */
  void kill() throws InterruptedException {
    ProcessHandle java = java();
    java.destroyForcibly();
    java.onExit().join();
    // standalone.sh only waited for it
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** Stops it as Ctrl+C does, and waits until it no longer answers. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    List<ProcessHandle> server = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    // standalone.sh forwards the signal; the server's own process is gone too, or is made to go
    for (ProcessHandle java : server) {
      try {
        java.onExit().get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        java.destroyForcibly();
      }
    }
  }

  /** Stops it and removes the copy. */
  @Override
  public void close() throws IOException, InterruptedException {
    stop();
    deleteTree(home);
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
