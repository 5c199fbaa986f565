package org.assist.agent.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assist.protocol.RunPlan;
import org.assist.protocol.ScriptKind;
import org.assist.protocol.Sha256;
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
  void eachKindRunsWithItsInterpreter() throws Exception {
    Path bin = Files.createDirectories(state.resolve("bin"));
    Files.writeString(bin.resolve("python3"), "");
    Map<String, String> unix = Map.of("PATH", "relative:" + bin);
    assertEquals(
        List.of("/bin/sh", "/tmp/x/run"),
        ScriptRunner.command(ScriptKind.SHELL, "/tmp/x/run", false, unix));
    assertEquals(
        List.of(bin + "/python3", "/tmp/x/run"),
        ScriptRunner.command(ScriptKind.PYTHON, "/tmp/x/run", false, unix));
    assertEquals(
        List.of("/tmp/x/run"), ScriptRunner.command(ScriptKind.NATIVE, "/tmp/x/run", false, unix));
  }

  @Test
  void onWindowsInterpretersAreNamedByTheirFullPathNeverFromTheScriptsFolder() {
    Map<String, String> windows = Map.of("SystemRoot", "C:\\Windows", "PATH", ".;scripts");
    assertEquals(
        List.of("C:\\Windows\\System32\\cmd.exe", "/c", "run.bat"),
        ScriptRunner.command(ScriptKind.BATCH, "run.bat", true, windows));
    assertEquals(
        "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        ScriptRunner.command(ScriptKind.POWERSHELL, "run.ps1", true, windows).get(0));
    // no python.exe in an absolute folder of PATH: the bare name, which fails to start
    assertEquals(
        "python.exe", ScriptRunner.command(ScriptKind.PYTHON, "run.py", true, windows).get(0));
  }

  @Test
  void controlCharactersAreReplacedButLinesAndTabsStay() {
    assertEquals("a\tb\nc\uFFFD[31m", ScriptRunner.clean("a\tb\nc\u001b[31m"));
  }

  /** A listener that records what it is told, slowly, as sending over the network can be. */
  private static final class Recorder implements StepListener {
    final List<String> output = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.CompletableFuture<Integer> exit =
        new java.util.concurrent.CompletableFuture<>();
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    @Override
    public void started(int step) {
      started.countDown();
    }

    @Override
    public void output(int step, int seq, boolean stderr, String text) {
      output.add(seq + (stderr ? " err " : " out ") + text.strip());
      try {
        Thread.sleep(150);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void finished(
        int step,
        Integer exitCode,
        long millis,
        boolean timedOut,
        boolean truncated,
        String error) {
      exit.complete(exitCode == null ? Integer.MIN_VALUE : exitCode);
    }
  }

  private static RunPlan plan(String script) {
    byte[] content = ("#!/bin/sh\n" + script + "\n").getBytes(StandardCharsets.UTF_8);
    return new RunPlan(
        "r",
        false,
        List.of(
            new RunPlan.Step(
                0,
                1,
                "Test",
                ScriptKind.SHELL,
                new RunPlan.File("run.sh", Sha256.hex(content), content),
                null,
                60)));
  }

  private ScriptRunner runner() throws Exception {
    return new ScriptRunner(state, new ScriptFiles(URI.create("http://localhost:1"), "a", "s"));
  }

  @Test
  void outputAndErrorsKeepTheOrderTheScriptWroteThemInEvenWhenReportingIsSlow() throws Exception {
    Recorder recorder = new Recorder();
    runner()
        .run(
            plan(
                "printf 'a\\n'; sleep 0.05; printf 'b\\n' >&2; sleep 0.05; printf 'c\\n';"
                    + " sleep 0.05; printf 'd\\n' >&2"),
            recorder);
    assertEquals(List.of("0 out a", "1 err b", "2 out c", "3 err d"), recorder.output);
    assertEquals(0, recorder.exit.get(5, java.util.concurrent.TimeUnit.SECONDS));
  }

  @Test
  void aScriptStoppedMidwayDoesNotGoOnToExitWell() throws Exception {
    Recorder recorder = new Recorder();
    ScriptRunner runner = runner();
    Thread run =
        new Thread(
            () -> {
              try {
                runner.run(plan("sleep 30\nexit 0"), recorder);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    run.start();
    assertTrue(recorder.started.await(5, java.util.concurrent.TimeUnit.SECONDS));
    // the script's sleep is running once the shell has started it
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
    while (ProcessHandle.current()
            .descendants()
            .noneMatch(p -> p.info().command().orElse("").endsWith("sleep"))
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    runner.cancel();
    assertNotEquals(0, recorder.exit.get(10, java.util.concurrent.TimeUnit.SECONDS));
    run.join(5000);
  }

  @Test
  void anInputFileOfTheExecutablesNameCannotTakeItsPlace() throws Exception {
    byte[] script = "#!/bin/sh\necho signed\ncat run.sh\n".getBytes(StandardCharsets.UTF_8);
    byte[] input = "#!/bin/sh\necho evil\n".getBytes(StandardCharsets.UTF_8);
    RunPlan plan =
        new RunPlan(
            "r",
            false,
            List.of(
                new RunPlan.Step(
                    0,
                    1,
                    "Test",
                    ScriptKind.SHELL,
                    new RunPlan.File("run.sh", Sha256.hex(script), script),
                    new RunPlan.File("run.sh", Sha256.hex(input), input),
                    60)));
    Recorder recorder = new Recorder();
    runner().run(plan, recorder);
    String output =
        String.join(
            "\n",
            recorder.output.stream().map(line -> line.replaceFirst("^\\d+ out ", "")).toList());
    assertEquals(
        "signed\n#!/bin/sh\necho evil", output, "the signed script ran, the input beside it");
  }
}
