package org.assist.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The boot services the agent installs, written under a folder standing for the system's root. */
class InstallerTest {
  private static final List<String> LAUNCHER =
      List.of("/bin/sh", "/opt/assist agent/assist-agent.sh");

  @TempDir Path root;
  @TempDir Path joined;
  private final ByteArrayOutputStream said = new ByteArrayOutputStream();

  private Installer installer(BootService service) {
    return new Installer(service, false, new PrintStream(said, true, StandardCharsets.UTF_8));
  }

  @Test
  void theSystemdUnitStartsTheAgentAtBootAsRootAndUninstallRemovesEverything() throws Exception {
    Files.writeString(joined.resolve("agent.json"), "{\"session\":1}");
    Files.writeString(joined.resolve("journal.txt"), "c1\n");
    BootService service =
        BootService.systemd(root, LAUNCHER, List.of("--consent-policy", "/etc/assist/policy"));
    assertNull(installer(service).install(joined));

    Path unit = root.resolve("etc/systemd/system/assist-agent.service");
    String text = Files.readString(unit);
    assertTrue(
        text.contains(
            "ExecStart=\"/bin/sh\" \"/opt/assist agent/assist-agent.sh\" \"run\" \"--no-window\""
                + " \"--state-dir\" \"/var/lib/assist-agent\" \"--consent-policy\""
                + " \"/etc/assist/policy\""),
        text);
    assertTrue(text.contains("User=root"), text);
    assertTrue(text.contains("WantedBy=multi-user.target"), text);
    // the state folder is root's only, with the session joined before
    Path state = root.resolve("var/lib/assist-agent");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("agent.json"))));
    assertEquals("{\"session\":1}", Files.readString(state.resolve("agent.json")));
    assertTrue(said.toString(StandardCharsets.UTF_8).contains("systemctl enable --now"));

    installer(service).uninstall();
    assertFalse(Files.exists(unit));
    assertFalse(Files.exists(state));
  }

  /** systemd itself checks the unit where it is installed (as on the build machines). */
  @Test
  void systemdFindsNothingWrongInTheUnit() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "no systemd-analyze");
    BootService service = BootService.systemd(root, List.of("/bin/sh", "/dev/null"), List.of());
    assertNull(installer(service).install(null));
    Process verify =
        new ProcessBuilder(
                "systemd-analyze",
                "verify",
                root.resolve("etc/systemd/system/assist-agent.service").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, verify.waitFor(), output);
    assertFalse(output.contains("assist-agent.service:"), output);
  }

  @Test
  void theLaunchdDaemonIsAPropertyListThatRunsAtLoadAsRoot() throws Exception {
    BootService service = BootService.launchd(root, LAUNCHER, List.of("--reboot-command", "a<b"));
    assertNull(installer(service).install(null));
    Path plist = root.resolve("Library/LaunchDaemons/org.assist.agent.plist");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document document = factory.newDocumentBuilder().parse(plist.toFile());
    String text = document.getDocumentElement().getTextContent();
    assertTrue(text.contains("org.assist.agent"), text);
    assertTrue(text.contains("/Library/Application Support/Assist agent"), text);
    assertTrue(text.contains("a<b"), text);
    assertTrue(Files.readString(plist).contains("<key>UserName</key>\n  <string>root</string>"));
    assertTrue(Files.isDirectory(root.resolve("Library/Application Support/Assist agent")));
  }

  @Test
  void windowsGetsABootTaskAsSystem() {
    BootService service =
        BootService.windows(root, List.of("C:\\Assist\\assist-agent.cmd"), List.of());
    List<String> task = service.register().get(1);
    assertEquals(
        List.of("schtasks", "/Create", "/F", "/TN", "Assist agent", "/SC", "ONSTART"),
        task.subList(0, 7));
    assertTrue(task.contains("SYSTEM"), task.toString());
    assertTrue(
        task.get(task.size() - 1).startsWith("\"C:\\Assist\\assist-agent.cmd\" \"run\""),
        task.toString());
    assertEquals("icacls", service.register().get(0).get(0));
  }
}
