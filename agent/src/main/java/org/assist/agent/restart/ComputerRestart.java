package org.assist.agent.restart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assist.agent.scripts.ScriptRunner;

/**
 * Restarts the computer, once its customer allowed it: with the platform's own command (Linux
 * {@code systemctl reboot}, macOS {@code shutdown -r now}, Windows {@code shutdown /r /t 0}), or
 * the one its administrator named ({@code --reboot-command}, run by the system's shell).
 */
public final class ComputerRestart {
  private final String custom;

  /** With the administrator's command, or null for the platform's. */
  public ComputerRestart(String custom) {
    this.custom = custom;
  }

  /**
   * Starts the restart; null when the system took it, else why it failed (the agent's account may
   * not be allowed to restart the computer, say).
   */
  public String restart() throws InterruptedException {
    List<String> command =
        command(
            custom, System.getProperty("os.name", "").toLowerCase(Locale.ROOT), System.getenv());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        return null; // still going: the system is on its way down
      }
      if (process.exitValue() == 0) {
        return null;
      }
      try (InputStream said = process.getInputStream()) {
        String text = new String(said.readNBytes(2000), Charset.defaultCharset()).strip();
        return String.join(" ", command)
            + " ended with "
            + process.exitValue()
            + (text.isEmpty() ? "" : ": " + text);
      }
    } catch (IOException e) {
      return String.join(" ", command) + " cannot run: " + e.getMessage();
    }
  }

  /** The command that restarts a computer of this system. */
  static List<String> command(String custom, String os, Map<String, String> environment) {
    boolean windows = os.startsWith("windows");
    if (custom != null) {
      return windows
          ? List.of(ScriptRunner.windowsSystem(environment) + "cmd.exe", "/c", custom)
          : List.of("/bin/sh", "-c", custom);
    }
    if (windows) {
      return List.of(ScriptRunner.windowsSystem(environment) + "shutdown.exe", "/r", "/t", "0");
    }
    if (os.contains("mac")) {
      return List.of("/sbin/shutdown", "-r", "now");
    }
    return List.of(ScriptRunner.onPath("systemctl", environment, false), "reboot");
  }
}
