package org.assist.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true), new PrintStream(err, true));
  }

  @Test
  void helpExplainsJoin() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("join <session number>"));
  }

  @Test
  void aWrongNumberIsExplained() {
    assertEquals(2, run("join", "12345"));
    assertTrue(err.toString().contains("nine digits"));
  }
}
