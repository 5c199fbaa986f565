package org.assist.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /**
   * Resident memory of a process by what is mapped (a file's path; empty for anonymous memory, or
   * the kernel's name of it, such as {@code [heap]}), in KiB.
   */
  static Map<String, Long> residentKibByMapping(long pid) throws IOException {
    Map<String, Long> kib = new HashMap<>();
    String mapping = "";
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
      String[] fields = line.trim().split("\\s+");
      if (fields[0].matches("[0-9a-f]+-[0-9a-f]+")) {
        mapping = fields.length > 5 ? fields[5] : "";
      } else if (fields[0].equals("Rss:")) {
        kib.merge(mapping, Long.parseLong(fields[1]), Long::sum);
      }
    }
    return kib;
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

  /**
   * CPU time used so far by each thread of a process, in clock ticks, by thread name (threads of
   * one name, such as a pool's, added up; digits in names dropped).
   */
  static Map<String, Long> cpuTicksByThread(long pid) throws IOException {
    Map<String, Long> ticks = new HashMap<>();
    try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        try {
          String stat = Files.readString(thread.resolve("stat"));
          String name =
              stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    }
    return ticks;
  }

  /** The threads that used the most CPU between two readings, as "name ticks, ...". */
  /**
   * The ticks the just-in-time compiler's threads spent between two readings of {@link
   * #cpuTicksByThread}: work of a server still warming up, not what the work measured costs on a
   * server that has been up a while.
   */
  static long compilerTicks(Map<String, Long> before, Map<String, Long> after) {
    return after.entrySet().stream()
        .filter(e -> e.getKey().contains("CompilerThre"))
        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
        .sum();
  }

  static String busiest(Map<String, Long> before, Map<String, Long> after, int count) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(count)
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** CPU time used so far by the test database's processes (PostgreSQL's), in clock ticks. */
  static long databaseCpuTicks() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .mapToLong(
            p -> {
              try {
                return cpuTicks(p.pid());
              } catch (IOException gone) {
                return 0;
              }
            })
        .sum();
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
