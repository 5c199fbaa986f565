package org.assist.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real agent: the shaded jar the build made, started as its own process, answered on its standard
 * input the way a customer types at the terminal prompt.
 */
final class AgentProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Path stateDir;
  private final OutputStream stdin;

  private AgentProcess(Process process, Path stateDir) {
    this.process = process;
    this.stateDir = stateDir;
    this.stdin = process.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // process gone
              }
            },
            "agent-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * {@code java -jar assist-agent.jar join <number> --server ... --server-certificate ...} with its
   * own state folder: the help desk told it which certificate to trust.
   */
  static AgentProcess join(String number, String... extra) {
    return joinTrusting(TestTls.pin().fingerprint(), number, extra);
  }

  /**
   * The same, trusting the certificate with this fingerprint; with null, trusting none yet: the
   * agent shows the certificate's fingerprint and asks the customer.
   */
  static AgentProcess joinTrusting(String certificate, String number, String... extra) {
    try {
      Path stateDir = Files.createTempDirectory("assist-agent-state");
      List<String> args = new ArrayList<>();
      if (certificate != null) {
        args.addAll(List.of("--server-certificate", certificate));
      }
      args.addAll(List.of(extra));
      return start(stateDir, "join", number, args.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An unattended computer: joins with a consent policy (in its state folder) that allows script
   * runs, so no one answers a prompt.
   */
  static AgentProcess joinAllowingScripts(String number) {
    try {
      Path stateDir = Files.createTempDirectory("assist-agent-state");
      Path policy = Files.writeString(stateDir.resolve("policy.properties"), "run-scripts=allow\n");
      return start(
          stateDir,
          "join",
          number,
          "--server-certificate",
          TestTls.pin().fingerprint(),
          "--no-window",
          "--consent-policy",
          policy.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a service gets from its system: a plain PATH, no JAVA_HOME. */
  static final Map<String, String> PLAIN_ENVIRONMENT =
      Map.of(
          "JAVA_TOOL_OPTIONS", "-Duser.language=en -Djava.awt.headless=true",
          "LANG", "C.UTF-8",
          "PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

  private static Path packagedLauncher;

  /**
   * The launcher of the agent as the Linux package ships it, with a runtime of its own (the package
   * the build made, unpacked once); empty where the packages are not built (other than Linux x64,
   * or {@code -Dagent.packages.skip}).
   */
  static synchronized Optional<Path> packagedLauncher() throws Exception {
    Path archive =
        Path.of(System.getProperty("assist.agent.jar"))
            .resolveSibling("assist-agent-linux-x64.tar.gz");
    if (packagedLauncher == null && Files.exists(archive)) {
      Path unpacked = Files.createTempDirectory("assist-packaged");
      Commands.run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()));
      packagedLauncher = unpacked.resolve("assist-agent/bin/assist-agent");
    }
    return Optional.ofNullable(packagedLauncher);
  }

  /**
   * The packaged agent, started by its launcher with nothing from the system's Java, joining as an
   * unattended computer whose policy allows script runs and the system information; {@code
   * javaOptions} are added to the runtime's own (none: empty).
   */
  static AgentProcess packagedJoinAllowingAll(Path launcher, String number, String javaOptions)
      throws IOException {
    Path stateDir = Files.createTempDirectory("assist-agent-state");
    Path policy =
        Files.writeString(
            stateDir.resolve("policy.properties"), "run-scripts=allow\nsystem-info=allow\n");
    Map<String, String> environment = new HashMap<>(PLAIN_ENVIRONMENT);
    environment.merge("JAVA_TOOL_OPTIONS", javaOptions, (plain, more) -> plain + " " + more);
    return command(
        List.of(
            launcher.toString(),
            "join",
            number,
            "--server",
            TestServer.ROOT,
            "--server-certificate",
            TestTls.pin().fingerprint(),
            "--no-window",
            "--state-dir",
            stateDir.toString(),
            "--consent-policy",
            policy.toString()),
        stateDir,
        environment);
  }

  /**
   * {@code java -jar assist-agent.jar run} on an existing state folder: rejoins after a restart.
   */
  static AgentProcess rejoin(Path stateDir, String... extra) {
    return rejoin(stateDir, Map.of(), extra);
  }

  /** The same, with these environment variables (a simulated boot's time, say). */
  static AgentProcess rejoin(Path stateDir, Map<String, String> environment, String... extra) {
    return start(stateDir, environment, TestServer.ROOT, "run", null, extra);
  }

  /** Joins with the server at another address (the same server through a relay, say). */
  static AgentProcess joinThrough(String server, String number, String... extra) {
    try {
      Path stateDir = Files.createTempDirectory("assist-agent-state");
      List<String> args =
          new ArrayList<>(List.of("--server-certificate", TestTls.pin().fingerprint()));
      args.addAll(List.of(extra));
      return start(stateDir, Map.of(), server, "join", number, args.toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AgentProcess start(Path stateDir, String command, String number, String... extra) {
    return start(stateDir, Map.of(), TestServer.ROOT, command, number, extra);
  }

  private static AgentProcess start(
      Path stateDir,
      Map<String, String> environment,
      String server,
      String command,
      String number,
      String... extra) {
    // the launcher shipped beside the jar, as a customer starts it
    Path launcher =
        Path.of(System.getProperty("assist.agent.jar")).resolveSibling("assist-agent.sh");
    List<String> args = new ArrayList<>(List.of(command));
    if (number != null) {
      args.add(number);
    }
    args.addAll(List.of("--server", server, "--state-dir", stateDir.toString()));
    args.addAll(List.of(extra));
    return launch(launcher, stateDir, null, args, environment);
  }

  /**
   * An agent started by a command line of its own (a packaged agent's launcher, what an installed
   * service runs), with only these environment variables.
   */
  static AgentProcess command(
      List<String> command, Path stateDir, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      return new AgentProcess(builder.start(), stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An agent unpacked from the customer portal, started by its launcher with no arguments, in a
   * home folder of its own (where it keeps its state, {@code .assist-agent}).
   */
  static AgentProcess fromPortal(Path folder, Path home) {
    return launch(
        folder.resolve("assist-agent.sh"),
        home.resolve(".assist-agent"),
        home,
        List.of(),
        Map.of());
  }

  private static AgentProcess launch(
      Path launcher,
      Path stateDir,
      Path home,
      List<String> arguments,
      Map<String, String> environment) {
    List<String> args = new ArrayList<>(List.of("sh", launcher.toString()));
    args.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder
        .environment()
        .put(
            "JAVA_TOOL_OPTIONS",
            "-Duser.language=en -Djava.awt.headless=true"
                + (home == null ? "" : " -Duser.home=" + home));
    try {
      return new AgentProcess(builder.start(), stateDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits for a line of output containing the text, after {@code from} lines; returns its index.
   */
  int await(String text, int from, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (int i = from; i < lines.size(); i++) {
          if (lines.get(i).contains(text)) {
            return i;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "the agent never said \"" + text + "\"; it said:\n" + String.join("\n", lines));
        }
        try {
          lines.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  int await(String text) {
    return await(text, 0, Duration.ofSeconds(30));
  }

  int lineCount() {
    synchronized (lines) {
      return lines.size();
    }
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Types a line, as the customer would. */
  void type(String answer) {
    try {
      stdin.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the consent question that comes after {@code from}, then answers it. */
  int answerConsent(int from, String answer) {
    int line = await("Allow?", from, Duration.ofSeconds(30));
    type(answer);
    return line + 1;
  }

  long pid() {
    return process.pid();
  }

  /** The id the server gave this agent at its join (from its state folder). */
  String agentId() throws IOException {
    try (var reader =
        jakarta.json.Json.createReader(Files.newBufferedReader(stateDir.resolve("agent.json")))) {
      return reader.readObject().getString("agentId");
    }
  }

  Path stateDir() {
    return stateDir;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the agent did not stop; it said:\n" + output());
    }
    return process.exitValue();
  }

  /** Stops it like Ctrl+C does. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** Kills it outright, as a crash or a power cut would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
