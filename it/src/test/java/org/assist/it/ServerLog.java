package org.assist.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The log and management CLI of the server under test. */
final class ServerLog {
  private ServerLog() {}

  static Path home() {
    return Path.of(System.getProperty("assist.server.dir"));
  }

  static String text() throws IOException {
    return Files.readString(home().resolve("standalone/log/server.log"), StandardCharsets.UTF_8);
  }

  /** How much the server has logged so far, for {@link #since}. */
  static int length() throws IOException {
    return text().length();
  }

  /** What the server logged after {@code length} characters. */
  static String since(int length) throws IOException {
    return text().substring(length);
  }

  /** Waits until the server log has a line containing all the given parts. */
  static String awaitLine(Duration timeout, String... parts)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String line : text().split("\n")) {
        boolean all = true;
        for (String part : parts) {
          all &= line.contains(part);
        }
        if (all) {
          return line;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no server log line with " + String.join(" + ", parts));
      }
      Thread.sleep(200);
    }
  }

  /** Runs one management CLI command against the running server (local authentication). */
  static String cli(String command) throws IOException, InterruptedException {
    Process cli =
        new ProcessBuilder(
                home().resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--controller=remote+http://localhost:10090",
                "--command=" + command)
            .redirectErrorStream(true)
            .start();
    String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    cli.waitFor();
    return output;
  }

  /** Messages waiting in a queue of the broker, by its Jakarta Messaging name. */
  static long messageCount(String jmsQueue) throws IOException, InterruptedException {
    String output =
        cli(
            "/subsystem=messaging-activemq/server=default/jms-queue="
                + jmsQueue
                + ":read-attribute(name=message-count)");
    var matcher = java.util.regex.Pattern.compile("\"result\" => (\\d+)L").matcher(output);
    if (!matcher.find()) {
      throw new AssertionError("unexpected CLI output: " + output);
    }
    return Long.parseLong(matcher.group(1));
  }
}
