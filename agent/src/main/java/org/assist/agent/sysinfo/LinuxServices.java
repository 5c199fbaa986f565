package org.assist.agent.sysinfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Services and user names on Linux, read the cheap way: one {@code systemctl} call (with systemd)
 * or init scripts, and {@code /etc/passwd} once per collection. OSHI's own calls for these start a
 * command per process or wait on a missing service manager, which costs hundreds of milliseconds
 * for nothing.
 */
final class LinuxServices {
  private LinuxServices() {}

  static boolean applies() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
  }

  /** Rows of name, pid (empty here), state, description. */
  static List<List<String>> services(Map<String, Integer> runningByName)
      throws IOException, InterruptedException {
    List<List<String>> rows = new ArrayList<>();
    if (Files.isDirectory(Path.of("/run/systemd/system"))) {
      Process systemctl =
          new ProcessBuilder(
                  "systemctl",
                  "list-units",
                  "--type=service",
                  "--all",
                  "--no-pager",
                  "--plain",
                  "--no-legend")
              .redirectErrorStream(true)
              .start();
      systemctl.getOutputStream().close();
      String output = new String(systemctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!systemctl.waitFor(3, TimeUnit.SECONDS)) {
        systemctl.destroyForcibly();
      }
      for (String line : output.split("\n")) {
        String[] parts = line.strip().split("\\s+", 5);
        if (parts.length >= 4 && parts[0].endsWith(".service")) {
          String name = parts[0].substring(0, parts[0].length() - ".service".length());
          Integer pid = runningByName.get(name);
          rows.add(
              List.of(
                  name,
                  pid == null ? "" : pid.toString(),
                  parts[2] + " (" + parts[3] + ")",
                  parts.length == 5 ? parts[4] : ""));
        }
      }
      return rows;
    }
    Path initScripts = Path.of("/etc/init.d");
    if (Files.isDirectory(initScripts)) {
      try (Stream<Path> scripts = Files.list(initScripts)) {
        scripts
            .map(script -> script.getFileName().toString())
            .filter(name -> !name.startsWith(".") && !name.equals("README"))
            .forEach(
                name -> {
                  Integer pid = runningByName.get(name);
                  rows.add(
                      List.of(
                          name,
                          pid == null ? "" : pid.toString(),
                          pid == null ? "stopped" : "running",
                          ""));
                });
      }
    }
    return rows;
  }

  /** User names by numeric id, from {@code /etc/passwd}; empty when it cannot be read. */
  static Map<String, String> userNames() {
    Map<String, String> names = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
        String[] fields = line.split(":");
        if (fields.length > 2) {
          names.putIfAbsent(fields[2], fields[0]);
        }
      }
    } catch (IOException e) {
      // fall back to numeric ids
    }
    return names;
  }
}
