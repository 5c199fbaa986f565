package org.assist.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Figures read from Linux's /proc, and a printer that keeps them in target/benchmarks.txt. */
final class Measures {
  private Measures() {}

  /** Resident memory of a process, in KiB. */
  static long residentKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no VmRSS for " + pid);
  }

  static int threads(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("no Threads for " + pid);
  }

  /** CPU time used so far by a process (user + system), in clock ticks (1/100 s). */
  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The WildFly started for the tests (port offset 100). */
  static long serverPid() throws IOException {
    try (var processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        String name = process.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmdline = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains("jboss-modules") && cmdline.contains("port-offset=100")) {
            return Long.parseLong(name);
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      }
    }
    throw new IOException("the test server is not running");
  }

  static long percentile(List<Long> values, double percentile) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** Prints a figure and appends it to target/benchmarks.txt. */
  static void report(String format, Object... args) throws IOException {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println("BENCHMARK " + line);
    Files.writeString(
        Path.of(System.getProperty("assist.test.output", "target"), "benchmarks.txt"),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
