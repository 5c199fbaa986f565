package org.assist.agent.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How this platform starts the agent at boot, as its system account: the files to write, the
 * commands that register them with the system and those that remove them, and the agent's state
 * folder (the system account's only).
 *
 * @param name what the administrator reads: "systemd unit", "launchd daemon", "boot task"
 * @param files what to write, by path, and their contents
 * @param register commands that make the system start it at boot (and now)
 * @param unregister commands that stop it and take it off the system's list
 * @param stateDir where the installed agent keeps its session
 */
public record BootService(
    String name,
    Map<Path, String> files,
    List<List<String>> register,
    List<List<String>> unregister,
    Path stateDir) {

  /** The systemd unit's name. */
  public static final String UNIT = "assist-agent.service";

  /** Exit codes that say "nothing to rejoin": the system does not start it again for those. */
  private static final String NOTHING_TO_REJOIN = "2 3";

  /**
   * This platform's service.
   *
   * @param root where the system's files lie: {@code /}, or a folder that stands for it (a package
   *     being built, a test)
   * @param launcher the agent's command: its launcher, absolute
   * @param options what the installed agent is started with besides {@code run}
   */
  public static BootService forPlatform(
      String osName, Path root, List<String> launcher, List<String> options) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return windows(root, launcher, options);
    }
    if (os.startsWith("mac")) {
      return launchd(root, launcher, options);
    }
    return systemd(root, launcher, options);
  }

  /** Linux: a systemd unit, run as root, with a state folder of its own (0700). */
  static BootService systemd(Path root, List<String> launcher, List<String> options) {
    Path stateDir = root.resolve("var/lib/assist-agent");
    List<String> command = command(launcher, options, stateDir, root);
    String unit =
        """
        # Written by "assist-agent install"; removed by "assist-agent uninstall".
        [Unit]
        Description=Assist remote-support agent
        Wants=network-online.target
        After=network-online.target

        [Service]
        Type=simple
        User=root
        ExecStart=%s
        Restart=on-failure
        RestartSec=10
        RestartPreventExitStatus=%s
        UMask=0077
        Environment=LANG=C.UTF-8

        [Install]
        WantedBy=multi-user.target
        """
            .formatted(systemdLine(command), NOTHING_TO_REJOIN);
    Path file = root.resolve("etc/systemd/system").resolve(UNIT);
    return new BootService(
        "systemd unit " + UNIT,
        Map.of(file, unit),
        List.of(
            List.of("systemctl", "daemon-reload"), List.of("systemctl", "enable", "--now", UNIT)),
        List.of(
            List.of("systemctl", "disable", "--now", UNIT), List.of("systemctl", "daemon-reload")),
        stateDir);
  }

  /** macOS: a launchd daemon, run as root at load, started again when it fails. */
  static BootService launchd(Path root, List<String> launcher, List<String> options) {
    Path stateDir = root.resolve("Library/Application Support/Assist agent");
    StringBuilder arguments = new StringBuilder();
    for (String argument : command(launcher, options, stateDir, root)) {
      arguments.append("    <string>").append(xml(argument)).append("</string>\n");
    }
    String plist =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
          <key>Label</key>
          <string>org.assist.agent</string>
          <key>ProgramArguments</key>
          <array>
        %s  </array>
          <key>UserName</key>
          <string>root</string>
          <key>RunAtLoad</key>
          <true/>
          <key>KeepAlive</key>
          <dict>
            <key>SuccessfulExit</key>
            <false/>
          </dict>
          <key>Umask</key>
          <integer>63</integer>
        </dict>
        </plist>
        """
            .formatted(arguments);
    Path file = root.resolve("Library/LaunchDaemons/org.assist.agent.plist");
    return new BootService(
        "launchd daemon org.assist.agent",
        Map.of(file, plist),
        List.of(List.of("launchctl", "bootstrap", "system", file.toString())),
        List.of(List.of("launchctl", "bootout", "system/org.assist.agent")),
        stateDir);
  }

  /**
   * Windows: a task the system starts at boot as SYSTEM (a Java program is no Windows service
   * without a wrapper); its state folder is SYSTEM's and the Administrators' only.
   */
  static BootService windows(Path root, List<String> launcher, List<String> options) {
    Path stateDir = root.resolve("ProgramData").resolve("Assist agent");
    List<String> command = command(launcher, options, stateDir, root);
    StringBuilder line = new StringBuilder();
    for (String argument : command) {
      line.append(line.isEmpty() ? "" : " ").append('"').append(argument).append('"');
    }
    Map<Path, String> files = new LinkedHashMap<>();
    return new BootService(
        "boot task \"Assist agent\"",
        files,
        List.of(
            List.of(
                "icacls",
                stateDir.toString(),
                "/inheritance:r",
                "/grant:r",
                "SYSTEM:(OI)(CI)F",
                "/grant:r",
                "Administrators:(OI)(CI)F"),
            List.of(
                "schtasks",
                "/Create",
                "/F",
                "/TN",
                "Assist agent",
                "/SC",
                "ONSTART",
                "/RU",
                "SYSTEM",
                "/RL",
                "HIGHEST",
                "/TR",
                line.toString()),
            List.of("schtasks", "/Run", "/TN", "Assist agent")),
        List.of(
            List.of("schtasks", "/End", "/TN", "Assist agent"),
            List.of("schtasks", "/Delete", "/F", "/TN", "Assist agent")),
        stateDir);
  }

  /** The installed agent's command line, with paths as the running system will see them. */
  private static List<String> command(
      List<String> launcher, List<String> options, Path stateDir, Path root) {
    List<String> command = new ArrayList<>(launcher);
    command.add("run");
    command.add("--no-window");
    command.add("--state-dir");
    command.add(asSeen(stateDir, root));
    command.addAll(options);
    return command;
  }

  /**
   * A path as the system sees it: under a folder standing for its root (a package being built), the
   * path from that folder.
   */
  static String asSeen(Path path, Path root) {
    if (root.getParent() == null) {
      return path.toString();
    }
    return "/" + root.relativize(path).toString().replace('\\', '/');
  }

  /** One ExecStart line: each argument quoted, with systemd's escapes. */
  private static String systemdLine(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String argument : command) {
      String quoted =
          argument
              .replace("\\", "\\\\")
              .replace("\"", "\\\"")
              .replace("%", "%%")
              .replace("$", "$$");
      line.append(line.isEmpty() ? "" : " ").append('"').append(quoted).append('"');
    }
    return line.toString();
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
