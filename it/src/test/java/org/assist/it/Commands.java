package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** System commands the tests run (tar, useradd, the agent's installer...). */
final class Commands {
  private Commands() {}

  /** Runs it and returns what it said; fails when it fails. */
  static String run(List<String> command) throws Exception {
    return run(command, null);
  }

  /** The same, writing {@code input} to it first (input is never printed: it may be secret). */
  static String run(List<String> command, String input) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + said);
    return said;
  }
}
