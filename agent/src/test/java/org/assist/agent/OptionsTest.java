package org.assist.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void readsJoinWithANumberInGroups() {
    Options options =
        Options.parse(
            List.of(
                "join",
                "123",
                "456",
                "789",
                "--server",
                "http://help.example:8080/",
                "--state-dir",
                "/tmp/x"));
    assertEquals("join", options.command());
    assertEquals(List.of("123", "456", "789"), options.arguments());
    assertEquals("http://help.example:8080", options.server().toString());
    assertEquals(Path.of("/tmp/x"), options.stateDir());
    assertEquals(60, options.consentTimeoutSeconds());
  }

  @Test
  void refusesWhatItDoesNotUnderstand() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("join", "--bogus")));
    assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of("join", "--server")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Options.parse(List.of("join", "--server", "ftp://x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> Options.parse(List.of("join", "--consent-timeout", "-3")));
  }

  @Test
  void helpExplainsEveryCommandAndOption() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(
        0,
        Main.run(
            List.of("--help"),
            new PrintStream(out, true),
            new PrintStream(new ByteArrayOutputStream())));
    for (String word :
        new String[] {
          "join",
          "run",
          "benchmark",
          "--server",
          "--state-dir",
          "--consent-policy",
          "--consent-timeout",
          "--no-window"
        }) {
      assertTrue(out.toString().contains(word), word);
    }
  }

  @Test
  void aWrongNumberGetsAClearMessage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        Main.USAGE,
        Main.run(
            List.of("join", "12345", "--server", "https://localhost:1"),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true)));
    assertTrue(err.toString().contains("nine digits"));
  }

  @Test
  void anUnreachableServerIsSaid() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            List.of(
                "join",
                "123456789",
                "--server",
                "https://127.0.0.1:1",
                "--state-dir",
                System.getProperty("java.io.tmpdir") + "/assist-options-test"),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true));
    assertEquals(Main.UNREACHABLE, code);
    assertTrue(err.toString().contains("Cannot reach the server"), err.toString());
  }

  @Test
  void aPlainHttpServerIsRefusedBeforeAnythingIsSent() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        Main.USAGE,
        Main.run(
            List.of("join", "123456789", "--server", "http://127.0.0.1:1"),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true)));
    assertTrue(err.toString().contains("HTTPS only"), err.toString());
  }
}
