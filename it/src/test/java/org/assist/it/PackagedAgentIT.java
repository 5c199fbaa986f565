package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent as customers and administrators get it: the Linux package with a runtime of its own
 * joins a session and collects the system information with nothing from the system's Java; the .deb
 * holds it under /opt; and an installed agent, started as its systemd unit says, rejoins the
 * session it was installed with, until {@code uninstall} removes every trace.
 */
@ExtendWith(ArquillianExtension.class)
class PackagedAgentIT {
  private static final Path TARGET = Path.of(System.getProperty("assist.agent.jar")).getParent();

  /**
   * The share of the JDK classes the packaged agent loads in a session that its runtime's archive
   * must hold (made at packaging from agent/src/main/package/agent.classlist): below it, the list
   * is out of date and the agent starts slower and bigger than it should.
   */
  private static final double SHARED_AT_LEAST = 0.9;

  @Test
  void thePackagedAgentRunsOnItsOwnRuntime() throws Exception {
    Optional<Path> packaged = AgentProcess.packagedLauncher();
    assumeTrue(packaged.isPresent(), "the Linux packages are built on Linux x64 only");
    Path launcher = packaged.get();
    assertTrue(Files.isExecutable(launcher));
    Path runtime = launcher.getParent().getParent().resolve("lib/runtime");

    Api api = Api.admin();
    String number = api.post("/sessions", "").json().getString("number");
    // which classes it loads and from where; and, beside, the list to refresh agent.classlist with
    Path loaded = Files.createTempFile("assist-packaged-classes", ".log");
    Path classList = Path.of("target", "agent.classlist").toAbsolutePath();
    // no JAVA_HOME, no JAVA: the launcher starts the runtime it ships with (its memory map says so)
    try (AgentProcess agent =
        AgentProcess.packagedJoinAllowingAll(
            launcher,
            number,
            "-Xlog:class+load=info:file=" + loaded + " -XX:DumpLoadedClassList=" + classList)) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      String maps = Files.readString(Path.of("/proc/" + agent.pid() + "/maps"));
      assertTrue(
          maps.contains(runtime.resolve("lib/server/libjvm.so").toString()),
          "the agent runs on its own runtime");
      long session = Scripts.sessionId(api, number);
      // the system information needs OSHI and JNA from the small runtime
      String command =
          api.post("/sessions/" + session + "/system-info", "").json().getString("commandId");
      Poll.snapshot(command);
      long script =
          Scripts.add(
              api,
              Scripts.category(),
              "Packaged " + UUID.randomUUID(),
              "echo empaqueté",
              null,
              null);
      long run =
          Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {30}, false);
      JsonObject target =
          Scripts.awaitState(api, run, session, Duration.ofSeconds(60), "DONE", "FAILED");
      assertEquals(
          "empaqueté\n",
          target.getJsonArray("steps").getJsonObject(0).getString("stdout"),
          target.toString());
      assertEquals(200, api.delete("/sessions/" + session).status());
      agent.waitForExit(Duration.ofSeconds(30));
      assertFalse(agent.output().contains("Error"), agent.output());
    }
    // the JDK's classes it needed came from the runtime's archive, mapped, not parsed at each start
    long shared = 0;
    long parsed = 0;
    for (String line : Files.readAllLines(loaded)) {
      if (line.endsWith("source: shared objects file")) {
        shared++;
      } else if (line.contains("source: jrt:/")) {
        parsed++;
      }
    }
    assertTrue(
        shared >= SHARED_AT_LEAST * (shared + parsed),
        shared
            + " of the "
            + (shared + parsed)
            + " JDK classes the agent loaded came from its runtime's archive: copy "
            + classList
            + " to agent/src/main/package/agent.classlist (README: Without Java)");
  }

  @Test
  void theDebInstallsTheAgentAndItsRuntimeUnderOpt() throws Exception {
    Path deb = TARGET.resolve("assist-agent_1.0.0_amd64.deb");
    if (!Files.exists(deb)) {
      deb = TARGET.resolve("assist-agent_1.0.0-1_amd64.deb");
    }
    assumeTrue(Files.exists(deb), "the Linux packages are built on Linux x64 only");
    String info = Commands.run(List.of("dpkg-deb", "--info", deb.toString()));
    assertTrue(info.contains("Package: assist-agent"), info);
    assertTrue(info.contains("Architecture: amd64"), info);
    String contents = Commands.run(List.of("dpkg-deb", "--contents", deb.toString()));
    assertTrue(contents.contains("./opt/assist-agent/bin/assist-agent"), contents);
    assertTrue(contents.contains("./opt/assist-agent/lib/runtime/lib/server/libjvm.so"), contents);
    assertTrue(contents.contains("./opt/assist-agent/lib/app/assist-agent.jar"), contents);
  }

  @Test
  void anInstalledAgentStartedAsItsUnitSaysRejoinsItsSession() throws Exception {
    Api api = Api.admin();
    String number = api.post("/sessions", "").json().getString("number");
    Path joined;
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      joined = agent.stateDir();
    }
    long session = Scripts.sessionId(api, number);
    Path root = Files.createTempDirectory("assist-root");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String installed =
        Commands.run(
            List.of(
                java,
                "-jar",
                System.getProperty("assist.agent.jar"),
                "install",
                "--root",
                root.toString(),
                "--state-dir",
                joined.toString()));
    assertTrue(installed.contains("Installed"), installed);
    Path unit = root.resolve("etc/systemd/system/assist-agent.service");
    List<String> command = execStart(Files.readString(unit));
    // the unit's command, with its state folder under the stand-in root
    int state = command.indexOf("--state-dir") + 1;
    Path stateDir = root.resolve(command.get(state).substring(1));
    command.set(state, stateDir.toString());
    Map<String, String> environment = new HashMap<>(AgentProcess.PLAIN_ENVIRONMENT);
    environment.put("JAVA", java);
    try (AgentProcess service = AgentProcess.command(command, stateDir, environment)) {
      service.await("Reconnected to", 0, Duration.ofSeconds(60));
      Poll.session(api, session, row -> row.getBoolean("customerOnline"));
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)));
    }
    String removed =
        Commands.run(
            List.of(
                java,
                "-jar",
                System.getProperty("assist.agent.jar"),
                "uninstall",
                "--root",
                root.toString()));
    assertTrue(removed.contains("Uninstalled"), removed);
    assertFalse(Files.exists(unit));
    assertFalse(Files.exists(stateDir));
  }

  /** The arguments of the unit's ExecStart line (each quoted, as the installer writes them). */
  private static List<String> execStart(String unit) {
    String line =
        unit.lines()
            .filter(l -> l.startsWith("ExecStart="))
            .findFirst()
            .orElseThrow()
            .substring(10);
    List<String> arguments = new ArrayList<>();
    java.util.regex.Matcher quoted =
        java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
    while (quoted.find()) {
      arguments.add(quoted.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    return arguments;
  }
}
