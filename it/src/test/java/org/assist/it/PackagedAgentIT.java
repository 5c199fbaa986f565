package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** What a service gets from its system: a plain PATH, no JAVA_HOME. */
  private static final Map<String, String> HEADLESS =
      Map.of(
          "JAVA_TOOL_OPTIONS", "-Duser.language=en -Djava.awt.headless=true",
          "LANG", "C.UTF-8",
          "PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

  @Test
  void thePackagedAgentRunsOnItsOwnRuntime() throws Exception {
    Path archive = TARGET.resolve("assist-agent-linux-x64.tar.gz");
    assumeTrue(Files.exists(archive), "the Linux packages are built on Linux x64 only");
    Path unpacked = Files.createTempDirectory("assist-packaged");
    Commands.run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()));
    Path launcher = unpacked.resolve("assist-agent/bin/assist-agent");
    assertTrue(Files.isExecutable(launcher));

    Api api = Api.admin();
    String number = api.post("/sessions", "").json().getString("number");
    Path stateDir = Files.createTempDirectory("assist-packaged-state");
    // no JAVA_HOME, no JAVA: the launcher starts the runtime it ships with (its memory map says so)
    try (AgentProcess agent =
        AgentProcess.command(
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
                stateDir.toString()),
            stateDir,
            HEADLESS)) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      String maps = Files.readString(Path.of("/proc/" + agent.pid() + "/maps"));
      assertTrue(
          maps.contains(
              unpacked.resolve("assist-agent/lib/runtime/lib/server/libjvm.so").toString()),
          "the agent runs on its own runtime");
      long session = Scripts.sessionId(api, number);
      // the system information needs OSHI and JNA from the small runtime
      int from = agent.lineCount();
      String command =
          api.post("/sessions/" + session + "/system-info", "").json().getString("commandId");
      agent.answerConsent(from, "y");
      Poll.snapshot(command);
      assertFalse(agent.output().contains("Error"), agent.output());
    }
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
    Map<String, String> environment = new HashMap<>(HEADLESS);
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
