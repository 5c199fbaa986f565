package org.assist.agent.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputerRestartTest {
  private static final Map<String, String> WINDOWS = Map.of("SystemRoot", "C:\\Windows");

  @Test
  void eachSystemRestartsWithItsOwnCommandByFullPath() {
    assertEquals(
        List.of("C:\\Windows\\System32\\shutdown.exe", "/r", "/t", "0"),
        ComputerRestart.command(null, "windows 11", WINDOWS));
    assertEquals(
        List.of("/sbin/shutdown", "-r", "now"),
        ComputerRestart.command(null, "mac os x", Map.of()));
    List<String> linux = ComputerRestart.command(null, "linux", Map.of("PATH", "/usr/bin:/bin"));
    assertTrue(linux.get(0).endsWith("systemctl"), linux.toString());
    assertEquals("reboot", linux.get(1));
  }

  @Test
  void anAdministratorsCommandRunsThroughTheShell() {
    assertEquals(
        List.of("/bin/sh", "-c", "echo bye"),
        ComputerRestart.command("echo bye", "linux", Map.of()));
    assertEquals(
        List.of("C:\\Windows\\System32\\cmd.exe", "/c", "echo bye"),
        ComputerRestart.command("echo bye", "windows 10", WINDOWS));
  }

  @Test
  void aRestartTheSystemRefusesSaysWhy() throws InterruptedException {
    String failed = new ComputerRestart("echo not allowed >&2; exit 3").restart();
    assertNotNull(failed);
    assertTrue(failed.contains("ended with 3") && failed.contains("not allowed"), failed);
    assertNull(new ComputerRestart("exit 0").restart());
  }
}
