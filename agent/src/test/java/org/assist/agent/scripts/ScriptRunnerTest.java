package org.assist.agent.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assist.protocol.ScriptKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {
  @TempDir Path state;

  @Test
  void leftoverFoldersOfACrashAreRemovedAtStart() throws Exception {
    Path leftover = state.resolve("runs").resolve("run-123");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve("secret.sh"), "echo");
    new ScriptRunner(state, null);
    assertFalse(Files.exists(leftover));
  }

  @Test
  void eachKindRunsWithItsInterpreter() {
    Path exe = Path.of("/tmp/x/run");
    assertEquals(List.of("/bin/sh", "/tmp/x/run"), ScriptRunner.command(ScriptKind.SHELL, exe));
    assertEquals(List.of("python3", "/tmp/x/run"), ScriptRunner.command(ScriptKind.PYTHON, exe));
    assertEquals("pwsh", ScriptRunner.command(ScriptKind.POWERSHELL, exe).get(0));
    assertEquals(List.of("/tmp/x/run"), ScriptRunner.command(ScriptKind.NATIVE, exe));
  }

  @Test
  void controlCharactersAreReplacedButLinesAndTabsStay() {
    assertEquals("a\tb\nc\uFFFD[31m", ScriptRunner.clean("a\tb\nc\u001b[31m"));
  }
}
