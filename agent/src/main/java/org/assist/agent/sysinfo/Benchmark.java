package org.assist.agent.sysinfo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.SystemInfoDocument;

/**
 * {@code benchmark [rounds]}: times full system-information collections after one warm-up and
 * prints the median and 95th percentile, the document's size and the process's resident memory.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void run(List<String> arguments, PrintStream out) throws IOException {
    int rounds = arguments.isEmpty() ? 20 : Integer.parseInt(arguments.get(0));
    long start = System.nanoTime();
    OshiSystemInfoCollector system = new OshiSystemInfoCollector();
    SystemInfoDocument first = system.collect();
    out.printf(
        Locale.ROOT, "first (cold) collection: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    List<Long> times = new ArrayList<>();
    SystemInfoDocument last = first;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      last = system.collect();
      times.add((System.nanoTime() - t) / 1_000_000);
    }
    Collections.sort(times);
    out.printf(
        Locale.ROOT,
        "warm collections: %d, median %d ms, p95 %d ms, max %d ms%n",
        rounds,
        times.get(times.size() / 2),
        times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1)),
        times.get(times.size() - 1));
    for (SystemInfoDocument.Category category : last.categories()) {
      out.printf(
          Locale.ROOT,
          "  %-10s %5d ms %s%n",
          category.id(),
          category.millis(),
          category.failed() ? category.error() : "");
    }
    out.printf(Locale.ROOT, "document: %d bytes of JSON%n", JsonCodec.bytes(last.toJson()).length);
    Path status = Path.of("/proc/self/status");
    if (Files.exists(status)) {
      Files.readAllLines(status).stream()
          .filter(line -> line.startsWith("VmRSS"))
          .forEach(out::println);
    }
  }
}
