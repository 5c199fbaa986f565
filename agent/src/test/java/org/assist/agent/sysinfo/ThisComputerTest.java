package org.assist.agent.sysinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThisComputerTest {
  @TempDir Path folder;

  @Test
  void theOsLineIsTheReleaseFilesPrettyNameUnquoted() throws IOException {
    assertEquals(
        Optional.of("Debian GNU/Linux 12 (bookworm)"),
        ThisComputer.prettyName(
            release(
                "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n")));
    assertEquals(
        Optional.of("Fedora Linux 40 (Workstation Édition)"),
        ThisComputer.prettyName(release("PRETTY_NAME='Fedora Linux 40 (Workstation Édition)'\n")));
    assertEquals(Optional.of("Alpine"), ThisComputer.prettyName(release("PRETTY_NAME=Alpine\n")));
  }

  @Test
  void aReleaseFileWithoutPrettyNameOrNoneAtAllSaysNothing() throws IOException {
    assertEquals(
        Optional.empty(), ThisComputer.prettyName(release("NAME=Debian\nPRETTY_NAME=\"\"\n")));
    assertEquals(Optional.empty(), ThisComputer.prettyName(folder.resolve("missing")));
  }

  @Test
  void thisComputerHasANameAndAnOsLine() throws Exception {
    String name = ThisComputer.name();
    assertFalse(name.isBlank());
    assertEquals(name.strip(), name);
    assertFalse(ThisComputer.osLine().isBlank());
    if (Files.isReadable(Path.of("/proc/sys/kernel/hostname"))) {
      Process hostname = new ProcessBuilder("hostname").start();
      String expected =
          new String(hostname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertTrue(hostname.waitFor() == 0);
      assertEquals(expected, name);
    }
  }

  private Path release(String text) throws IOException {
    Path file = Files.createTempFile(folder, "os-release", "");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
