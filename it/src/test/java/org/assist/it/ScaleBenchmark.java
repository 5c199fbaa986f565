package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assist.agent.messaging.BrokerLink;
import org.assist.protocol.Hello;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark (profile {@code benchmark}): how many idle agents one server holds, and what each one
 * costs. A load client in this process, built on the agent's own code, joins {@code
 * -Dbenchmark.scale.agents} sessions (default 2,000), after a minute of the server's CPU with no
 * agent (what the server costs by itself, not counted as what agents cost), as agents do (the join
 * over HTTPS, then each its own broker connection on the broker's TLS port, with the agent's own
 * link settings), sixteen joins at a time. Then, all of them connected and idle: the server's heap
 * after a full collection, its CPU over a minute, how many of a sample of sessions show their
 * customer online, and the sessions API's and the dashboard's times, as the technician who has all
 * those sessions open.
 *
 * <p>Leaves out: the agents' own work (they run nothing and collect nothing), browsers keeping the
 * console open (live updates), and the load client's own CPU, which shares this machine's two cores
 * with the server (so the join rate is lower than on a server of its own). The server runs with the
 * heap the product starts with (half the machine's memory, see README's Sizing).
 */
@ExtendWith(ArquillianExtension.class)
class ScaleBenchmark {
  private static final int AGENTS = Integer.getInteger("benchmark.scale.agents", 2000);
  private static final int JOINERS = 16;
  private static final int SAMPLE = 200;
  private static final Duration IDLE =
      Duration.ofSeconds(Integer.getInteger("benchmark.scale.idle", 60));
  private static final Duration SLICE = Duration.ofSeconds(10);

  @Test
  void holdIdleAgents() throws Exception {
    long pid = Measures.serverPid();
    String user = Api.newTechnician("scale", "technician");
    Api api = Api.asTechnician(user);
    URI server = URI.create(TestServer.ROOT);
    TestTls.pin();
    long heapBefore = heapAfterFullGc(pid);
    // what the server costs with no agent, taken from what they cost
    IdleCpu alone = idleCpu(pid);
    Measures.report("scale, no agent, idle: %s", alone.describe());
    Map<String, Long> classesBefore = histogram(pid);

    List<Long> sessions = Collections.synchronizedList(new ArrayList<>());
    List<BrokerLink> links = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger refused = new AtomicInteger();
    ExecutorService joiners = Executors.newFixedThreadPool(JOINERS);
    try {
      // the sessions first, as technicians start them, then the joins alone are timed
      long creating = System.nanoTime();
      List<Future<JsonObject>> created = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        created.add(joiners.submit(() -> api.post("/sessions", "").json()));
      }
      List<JsonObject> waiting = new ArrayList<>();
      for (Future<JsonObject> session : created) {
        waiting.add(session.get());
      }
      double createSeconds = seconds(creating);

      long joining = System.nanoTime();
      long joinCpu = Measures.cpuTicks(pid);
      Map<String, Long> joinThreads = Measures.cpuTicksByThread(pid);
      List<Future<?>> joins = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        JsonObject session = waiting.get(i);
        int n = i;
        joins.add(
            joiners.submit(
                () -> {
                  try {
                    JoinTicket ticket =
                        ProtocolAgent.joinTicket(
                            new JoinRequest(
                                session.getString("number"),
                                new Hello("scale-" + n, "Linux", "load"),
                                null));
                    BrokerLink link = new BrokerLink(server, ticket);
                    link.start(message -> {}, up -> {});
                    links.add(link);
                    sessions.add(ticket.sessionId());
                  } catch (Exception | AssertionError e) {
                    if (refused.incrementAndGet() <= 3) {
                      System.out.println("join refused: " + e);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> join : joins) {
        join.get();
      }
      double joinSeconds = seconds(joining);
      long joinTicks = Measures.cpuTicks(pid) - joinCpu;
      Map<String, Long> joinThreadsAfter = Measures.cpuTicksByThread(pid);
      // per join, in ms (ticks of 10 ms), without the compiler: what a server up for a while pays
      double joinMillis =
          (joinTicks - Measures.compilerTicks(joinThreads, joinThreadsAfter))
              * 10.0
              / Math.max(1, links.size());
      int cores = Runtime.getRuntime().availableProcessors();
      Measures.report(
          "scale, %d joins: server CPU %.0f %% of one core meanwhile, %.1f ms a join without the just-in-time compiler, so at most %.0f joins/s with this machine's %d cores the server's alone (the load client used the rest meanwhile); by thread (ticks of 10 ms): %s",
          links.size(),
          joinTicks / joinSeconds,
          joinMillis,
          cores * 1000 / joinMillis,
          cores,
          Measures.busiest(joinThreads, joinThreadsAfter, 8));
      Measures.report(
          "scale, %d agents: %d sessions started in %.1f s; %d joined and connected in %.1f s = %.0f joins/s (%d refused)",
          AGENTS,
          AGENTS,
          createSeconds,
          links.size(),
          joinSeconds,
          links.size() / joinSeconds,
          refused.get());

      List<Long> sample = new ArrayList<>(sessions);
      Collections.shuffle(sample, new Random(1));
      List<Long> sampled = sample.subList(0, Math.min(SAMPLE, sample.size()));
      int online =
          Poll.until(
              Duration.ofSeconds(120),
              "every sampled customer online",
              () -> online(api, sampled),
              count -> count == sampled.size());

      // idle: nothing but what connected agents cost by themselves, after a full collection as
      // without the agents: the collector's concurrent marking of what the joins left is not
      // what idle agents cost
      long heapAfter = heapAfterFullGc(pid);
      IdleCpu idle = idleCpu(pid);
      Measures.report("scale, %d agents idle: %s", links.size(), idle.describe());
      double cpuPercent = idle.withoutCompiler();
      double perAgent = (cpuPercent - alone.withoutCompiler()) / Math.max(1, links.size());
      Measures.report(
          "scale, %d agents: what their heap is, by class (KiB per agent): %s",
          links.size(), perAgent(classesBefore, histogram(pid), links.size()));
      Measures.report(
          "scale, %d agents connected and idle: heap after a full GC %d MiB (%d MiB before the agents: %.1f KiB per agent); server CPU without the compiler %.1f %% of one core over %d s (%.1f %% before the agents: %.5f %% per agent); %d of %d sampled sessions show their customer online; server threads %d, resident memory %d MiB",
          links.size(),
          heapAfter >> 20,
          heapBefore >> 20,
          (heapAfter - heapBefore) / 1024.0 / Math.max(1, links.size()),
          cpuPercent,
          IDLE.toSeconds(),
          alone.withoutCompiler(),
          perAgent,
          online,
          sampled.size(),
          Measures.threads(pid),
          Measures.residentKib(pid) >> 10);
      Measures.report(
          "scale, projected for 25,000 agents from these per-agent figures: heap after GC %d MiB, idle CPU %.1f %% of one core",
          (heapBefore + (heapAfter - heapBefore) / Math.max(1, links.size()) * 25_000) >> 20,
          alone.withoutCompiler() + perAgent * 25_000);

      pageTimes(api, user);
      assertEquals(AGENTS, links.size(), "agents that joined and connected");
    } finally {
      joiners.shutdownNow();
      long closing = System.nanoTime();
      ExecutorService closers = Executors.newFixedThreadPool(JOINERS);
      for (BrokerLink link : links) {
        closers.execute(link::close);
      }
      closers.shutdown();
      closers.awaitTermination(5, TimeUnit.MINUTES);
      System.out.printf("closed %d links in %.1f s%n", links.size(), seconds(closing));
    }
  }

  /** Calls of each page before its times are taken as a server's that has been up a while. */
  private static final int PAGE_WARMUP = 200;

  /**
   * The sessions API (a page of 20 of the technician's open sessions) and the dashboard: their
   * first calls since the server started (its compiler has not met their code yet), then as on a
   * server that has been up a while, after {@link #PAGE_WARMUP} calls of each.
   */
  private static void pageTimes(Api api, String user) throws Exception {
    Call sessions =
        i -> {
          Api.Reply reply = api.get("/sessions?state=CONNECTED&max=20&first=" + (i % 40 * 20));
          assertEquals(200, reply.status(), reply.body());
        };
    HttpClient console = Http.signedIn(TestServer.URL, user, Api.passwordOf(user));
    long[] bytes = new long[1];
    Call dashboard =
        i -> {
          HttpResponse<String> page =
              console.send(
                  Http.request(TestServer.URL + "/dashboard.xhtml").build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          assertEquals(200, page.statusCode());
          bytes[0] = page.body().length();
        };
    List<Long> firstSessions = times(20, sessions);
    List<Long> firstDashboard = times(20, dashboard);
    times(PAGE_WARMUP, sessions);
    times(PAGE_WARMUP, dashboard);
    List<Long> apiTimes = times(100, sessions);
    List<Long> pageTimes = times(100, dashboard);
    Measures.report(
        "scale: sessions API (20 open sessions a page) p50 %d ms, p95 %d ms; dashboard (%d KB) p50 %d ms, p95 %d ms (100 calls of each after %d); their first 20 calls since the server started: sessions API p50 %d ms, slowest %d ms; dashboard p50 %d ms, slowest %d ms",
        Measures.percentile(apiTimes, 50),
        Measures.percentile(apiTimes, 95),
        bytes[0] / 1000,
        Measures.percentile(pageTimes, 50),
        Measures.percentile(pageTimes, 95),
        PAGE_WARMUP,
        Measures.percentile(firstSessions, 50),
        Measures.percentile(firstSessions, 100),
        Measures.percentile(firstDashboard, 50),
        Measures.percentile(firstDashboard, 100));
  }

  /** One call of a page, the {@code i}th. */
  private interface Call {
    void run(int i) throws Exception;
  }

  /** How long each of {@code count} calls took, in ms. */
  private static List<Long> times(int count, Call call) throws Exception {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      call.run(i);
      times.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    return times;
  }

  /**
   * The server's CPU over {@link #IDLE}, in % of one core: all of it, and without its just-in-time
   * compiler (still at work on code run just before, which is not what idle agents cost).
   */
  private record IdleCpu(double all, double withoutCompiler, List<Double> slices, String busiest) {
    String describe() {
      return String.format(
          Locale.ROOT,
          "server CPU %.1f %% of one core (slices of %d s: %.1f to %.1f %%), %.1f %% without the just-in-time compiler; by thread (ticks of 10 ms): %s",
          all,
          SLICE.toSeconds(),
          Collections.min(slices),
          Collections.max(slices),
          withoutCompiler,
          busiest);
    }
  }

  /** The server's CPU over {@link #IDLE}, read in slices of 10 s (their spread: how steady). */
  private static IdleCpu idleCpu(long pid) throws Exception {
    long cpuBefore = Measures.cpuTicks(pid);
    Map<String, Long> threadsBefore = Measures.cpuTicksByThread(pid);
    long idleStart = System.nanoTime();
    List<Double> slices = idleSlices(pid, idleStart, cpuBefore);
    double idleSeconds = seconds(idleStart);
    double cpuPercent = (Measures.cpuTicks(pid) - cpuBefore) / idleSeconds;
    Map<String, Long> threadsAfter = Measures.cpuTicksByThread(pid);
    double compiler = Measures.compilerTicks(threadsBefore, threadsAfter) / idleSeconds;
    return new IdleCpu(
        cpuPercent,
        cpuPercent - compiler,
        slices,
        Measures.busiest(threadsBefore, threadsAfter, 8));
  }

  /**
   * The server's CPU (% of one core) in each slice of {@link #SLICE} until {@link #IDLE} is
   * covered, each read from its clock ticks once the slice's time has passed.
   */
  private static List<Double> idleSlices(long pid, long start, long startTicks) throws Exception {
    List<Double> slices = new ArrayList<>();
    long[] slice = {start, startTicks};
    return Poll.until(
        IDLE.plus(SLICE),
        "an idle minute read in slices",
        () -> {
          long now = System.nanoTime();
          if (now - slice[0] >= SLICE.toNanos()) {
            long ticks = Measures.cpuTicks(pid);
            slices.add((ticks - slice[1]) / ((now - slice[0]) / 1e9));
            slice[0] = now;
            slice[1] = ticks;
          }
          return slices;
        },
        read -> read.size() >= IDLE.dividedBy(SLICE));
  }

  private static int online(Api api, List<Long> sessions) {
    int online = 0;
    for (long id : sessions) {
      if (api.get("/sessions/" + id).json().getBoolean("customerOnline")) {
        online++;
      }
    }
    return online;
  }

  /** The classes whose live objects grew the most, as "class KiB-per-agent, ...". */
  private static String perAgent(Map<String, Long> before, Map<String, Long> after, int agents) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(15)
        .map(
            e ->
                String.format(
                    java.util.Locale.ROOT,
                    "%s %.1f",
                    e.getKey(),
                    e.getValue() / 1024.0 / Math.max(1, agents)))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Bytes of live objects by class (jcmd GC.class_histogram, which collects first). */
  private static Map<String, Long> histogram(long pid) throws IOException, InterruptedException {
    Map<String, Long> bytes = new java.util.HashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)")
            .matcher(jcmd(pid, "GC.class_histogram"));
    while (row.find()) {
      bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
    }
    return bytes;
  }

  /** The server's used heap, in bytes, right after a full collection asked for by jcmd. */
  private static long heapAfterFullGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IOException("no heap figure in: " + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
