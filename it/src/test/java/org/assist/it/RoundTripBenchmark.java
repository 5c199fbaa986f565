package org.assist.it;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import org.assist.it.floor.FloorApi;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark (profile {@code benchmark}): the figures of a single computer beside MeshCentral's, on
 * the server the build makes (the product's own heap settings) with one real agent started by its
 * launcher under a consent policy. A technician's call runs {@code echo hi} and gets the result
 * ({@code POST /runs?waitMillis=}, one call), and in turn with it the launch then the waiting call
 * ({@code GET /runs/{id}?waitMillis=}, no polling), each timed to the answer with where the time
 * went; the idle agent's resident memory and CPU; the server's resident memory with that one agent;
 * the agent's start until the session shows its customer online (on a server warmed up by the
 * calls). The agent is the Linux package where it is built (else assist-agent.sh on the system's
 * Java); beside its memory, that of a JVM doing nothing on the same runtime. Then the platform's
 * floor: calls of the shapes a technician's call takes through the server, with none of Assist's
 * work ({@link FloorApi}, deployed beside Assist), measured right after Assist's and paced as they
 * are. Leaves out: the console (timed by {@code RunLoadBenchmark}), and the 1 MiB run on 200
 * sessions (ditto).
 */
@ExtendWith(ArquillianExtension.class)
class RoundTripBenchmark {
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 500);
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 10_000);
  private static final Duration IDLE = Duration.ofSeconds(75);

  /**
   * The server's resident memory is read every 200 ms for this long after the agent connected, and
   * its figure is the median of the readings in the last {@link #SERVER_SETTLED}: an idle server
   * gives back its heap 30 s after its last collection at the soonest, and its C library's freed
   * memory every 30 s, so one reading depends on where these then are.
   */
  private static final Duration SERVER_IDLE = Duration.ofSeconds(120);

  private static final Duration SERVER_SETTLED = Duration.ofSeconds(30);

  /**
   * Warm-up calls start at most this often: a call makes five events (the yes by policy, the step's
   * start, its output, its end, the run's end), and an agent sends at most 180 a second (the
   * server's budget for one agent, {@code RateBudget.EVENTS}, with its margin): one call each 28 ms
   * at the most. Faster, the calls outran that budget once its burst was spent (after some 250
   * calls back to back, some 2,000 at 25 ms apart), and each call then waited for it.
   */
  private static final Duration WARMUP_PACE = Duration.ofMillis(35);

  /**
   * Measured calls start this long after the one before at the soonest: as a technician's, with
   * nothing else in flight ({@code -Dbenchmark.pace.millis}).
   */
  private static final Duration PACE =
      Duration.ofMillis(Long.getLong("benchmark.pace.millis", 100));

  /** Agents started one after another, each timed until it shows online. */
  private static final int STARTS = 5;

  /** One call, timed, in µs: everything, and where it went. */
  private record Round(
      long total, long launchCall, long toStarted, long toRecorded, long ownTime, long toAnswer) {}

  private static final String FLOOR = "floor";

  @ArquillianResource private Deployer deployer;

  /** Floor calls of each shape that warm their code up, in turn, before theirs are measured. */
  private static final int FLOOR_WARMUP = Integer.getInteger("benchmark.floor.warmup", 2_000);

  /** The calls of {@link FloorApi}, each a step further along a technician's call. */
  private enum Floor {
    EMPTY("GET", "empty", "an HTTPS request answered at once"),
    INSERT("POST", "insert", "a stateless EJB inserting a row in its transaction"),
    SEND("POST", "send", "a message sent to the broker in that transaction (two-phase commit)"),
    ECHO(
        "POST",
        "echo",
        "a message-driven bean receiving it and updating the row in its own transaction, the call"
            + " answered after that commit");

    final String method;
    final String path;
    final String what;

    Floor(String method, String path, String what) {
      this.method = method;
      this.path = path;
      this.what = what;
    }
  }

  /**
   * Test code deployed beside Assist, never part of it: calls of the shapes a technician's call
   * takes through the server, with none of Assist's work. Deployed only for its calls: the server's
   * idle memory is read without it.
   */
  @Deployment(name = FLOOR, testable = false, managed = false)
  static WebArchive floorApi() {
    return ShrinkWrap.create(WebArchive.class, "floor.war")
        .addPackage(FloorApi.class.getPackage())
        .addAsResource("floor/persistence.xml", "META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Test
  void measure() throws Exception {
    String user = Api.newTechnician("roundtrip", "technician");
    Api api = Api.asTechnician(user);
    long server = Measures.serverPid();
    String number = api.post("/sessions", "").json().getString("number");
    long session = Scripts.sessionId(api, number);
    try (AgentProcess agent = agent(number)) {
      agent.await("Connected.");
      // the agent idle, and the server with it until it has settled
      List<Long> serverKib = new ArrayList<>();
      long[] idle = idleAgent(agent.pid(), server, serverKib);
      String idleParts = residentParts(agent.pid());

      long script =
          Scripts.add(api, Scripts.category(), "Echo " + UUID.randomUUID(), "echo hi", null, null);
      calls(WARMUP, WARMUP_PACE, api, session, script, null);
      // each way in two halves, in the order two, one, one, two: neither is measured on a server
      // warmed up longer than the other's
      Map<String, Long> threads = Measures.cpuTicksByThread(server);
      Block twoCalls = block(api, session, script, false, server, agent.pid());
      Block oneCall = block(api, session, script, true, server, agent.pid());
      oneCall = oneCall.plus(block(api, session, script, true, server, agent.pid()));
      twoCalls = twoCalls.plus(block(api, session, script, false, server, agent.pid()));
      String busiest = Measures.busiest(threads, Measures.cpuTicksByThread(server), 8);
      writeCalls(twoCalls.rounds, "roundtrip-calls.csv");
      writeCalls(oneCall.rounds, "roundtrip-one-call.csv");
      // right after, on the same warm server: what the platform takes for the shapes of a call
      deployer.deploy(FLOOR);
      Map<Floor, List<Long>> floor;
      try {
        floor = floorCalls();
      } finally {
        deployer.undeploy(FLOOR);
      }
      // on a server warmed up by the calls, as one that has been up a while
      List<Long> starts = new ArrayList<>();
      for (int i = 0; i < STARTS; i++) {
        starts.add(startedUntilOnline(api));
      }

      report(
          "echo hi, a technician's call to the result (POST /runs?waitMillis=, launched and answered with the result in one call): median %.1f ms, p95 %.1f ms (%d calls after %d warm-up calls, each starting %d ms after the one before at the soonest; previously 91 ms median, p95 153 ms, launched then polled; MeshCentral 4.0 ms; goal 10 ms); medians (p95): until the script's end is recorded %s, of which until its start is recorded %s; then until the answer %s; CPU per call: %s",
          median(oneCall.rounds, Round::total),
          p95(oneCall.rounds, Round::total),
          oneCall.rounds.size(),
          WARMUP,
          PACE.toMillis(),
          spread(oneCall.rounds, Round::toRecorded),
          spread(oneCall.rounds, Round::toStarted),
          spread(oneCall.rounds, Round::toAnswer),
          oneCall.cpu());
      report(
          "echo hi in two calls (POST /runs, then GET /runs/{id}?waitMillis=; %d calls, measured in turn with the above): median %.1f ms, p95 %.1f ms; medians (p95): the launch call (REST, its transaction, signing, sending) %s; then until the script's end is recorded (delivery, the agent's checks and consent, the script, its events and their transactions) %s, of which until the script's start is recorded (delivery, the agent's checks, the yes by policy and its event, the script's folder, /bin/sh started and its first output, the start's event and its transaction) %s and the script itself on the agent (starting /bin/sh included) %s; then until the waiting call has the answer %s; CPU per call: %s",
          twoCalls.rounds.size(),
          median(twoCalls.rounds, Round::total),
          p95(twoCalls.rounds, Round::total),
          spread(twoCalls.rounds, Round::launchCall),
          spread(twoCalls.rounds, Round::toRecorded),
          spread(twoCalls.rounds, Round::toStarted),
          spread(twoCalls.rounds, Round::ownTime),
          spread(twoCalls.rounds, Round::toAnswer),
          twoCalls.cpu());
      report(
          "the platform's floor on this machine, with none of Assist's work (test code deployed beside it: a JAX-RS resource calling a stateless EJB, JPA on Assist's datasource, the broker, a message-driven bean; %d calls of each, in turn, after %d of each, paced as above), medians (p95): %s; leaves out the agent's part (the command's way to it and the events' back over TLS, its checks, its /bin/sh)",
          floor.get(Floor.EMPTY).size(),
          FLOOR_WARMUP,
          Arrays.stream(Floor.values())
              .map(
                  f ->
                      (f == Floor.EMPTY ? "" : "+ ")
                          + f.what
                          + " "
                          + spread(floor.get(f), Long::longValue))
              .collect(joining("; ")));
      report(
          "echo hi, the server's busiest threads over both ways' %d calls (ticks of 10 ms): %s",
          oneCall.rounds.size() + twoCalls.rounds.size(), busiest);
      report(
          "idle agent: resident memory %.1f MiB, CPU %.3f %% of one core over %d s (previously 64.4 MiB / 0.07 %%; MeshCentral 11.6 MiB / 0.05 %%; goal 32 MiB / 0.1 %%); its memory: %s; a JVM that does nothing, on the same runtime with the same options: %s",
          idle[0] / 1024.0,
          idle[1] / (double) IDLE.toSeconds(),
          IDLE.toSeconds(),
          idleParts,
          idleJvm());
      List<Long> settled =
          serverKib.subList(
              serverKib.size()
                  * (int) (SERVER_IDLE.toSeconds() - SERVER_SETTLED.toSeconds())
                  / (int) SERVER_IDLE.toSeconds(),
              serverKib.size());
      report(
          "idle server with one agent: resident memory %d MiB, the median of its readings in the last %d of %d idle seconds (over all of them from %d to %d MiB: it gives back memory 30 s after its last collection at the soonest) (previously 682-753 MiB; MeshCentral 215 MiB; goal 450 MiB)",
          Measures.percentile(settled, 50) / 1024,
          SERVER_SETTLED.toSeconds(),
          SERVER_IDLE.toSeconds(),
          Measures.percentile(serverKib, 0) / 1024,
          Measures.percentile(serverKib, 100) / 1024);
      report(
          "agent (%s) started until its customer shows online, on the server warmed up by the calls: median %d ms, from %d to %d ms over %d starts (previously ~2 s; MeshCentral 1.1 s; goal 1 s)",
          launcher(),
          Measures.percentile(starts, 50),
          starts.stream().mapToLong(Long::longValue).min().orElse(0),
          starts.stream().mapToLong(Long::longValue).max().orElse(0),
          STARTS);
    }
  }

  /**
   * A new session's agent started by its launcher, until the session shows its customer online, in
   * ms. The server is asked only once the agent says it is connected, then again at once until it
   * shows the customer online (what the asking adds: one call, a few ms): asked from the start, the
   * calls took a core from the two the agent and the server start on.
   */
  private static long startedUntilOnline(Api api) throws Exception {
    JsonObject created = api.post("/sessions", "").json();
    long session = created.getJsonNumber("id").longValue();
    long starting = System.nanoTime();
    try (AgentProcess agent = agent(created.getString("number"))) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      while (System.nanoTime() - starting < Duration.ofSeconds(60).toNanos()) {
        if (api.get("/sessions/" + session).json().getBoolean("customerOnline")) {
          return (System.nanoTime() - starting) / 1_000_000;
        }
      }
    }
    throw new AssertionError("the customer never showed online");
  }

  /**
   * The agent as customers get it, allowing script runs by its policy: the Linux package with its
   * own runtime, or, where the packages are not built, assist-agent.sh on the system's Java.
   */
  private static AgentProcess agent(String number) throws Exception {
    Optional<Path> packaged = AgentProcess.packagedLauncher();
    return packaged.isPresent()
        ? AgentProcess.packagedJoinAllowingAll(packaged.get(), number, "")
        : AgentProcess.joinAllowingScripts(number);
  }

  private static String launcher() throws Exception {
    return AgentProcess.packagedLauncher().isPresent()
        ? "the Linux package's launcher and runtime"
        : "assist-agent.sh on the system's Java";
  }

  /** Where a process's resident memory is, by what is mapped: in MiB. */
  private static String residentParts(long pid) throws IOException {
    Map<String, Long> kib = Measures.residentKibByMapping(pid);
    long jvm = 0;
    long archive = 0;
    long anonymous = 0;
    long files = 0;
    for (Map.Entry<String, Long> mapping : kib.entrySet()) {
      String name = mapping.getKey();
      if (name.endsWith("/libjvm.so")) {
        jvm += mapping.getValue();
      } else if (name.endsWith(".jsa")) {
        archive += mapping.getValue();
      } else if (name.isEmpty() || name.startsWith("[")) {
        anonymous += mapping.getValue();
      } else {
        files += mapping.getValue();
      }
    }
    return String.format(
        Locale.ROOT,
        "the JVM's library %.1f, the JDK classes' archive %.1f, heap, class metadata, compiled code,"
            + " threads and buffers %.1f, other files %.1f",
        jvm / 1024.0,
        archive / 1024.0,
        anonymous / 1024.0,
        files / 1024.0);
  }

  /**
   * The resident memory of {@link IdleJvm} on the packaged agent's runtime with the options its
   * launcher gives the agent: what no agent on that runtime can go below.
   */
  private static String idleJvm() throws Exception {
    Optional<Path> launcher = AgentProcess.packagedLauncher();
    if (launcher.isEmpty()) {
      return "not measured (no package)";
    }
    Path image = launcher.get().getParent().getParent();
    List<String> command = new ArrayList<>();
    command.add(image.resolve("lib/runtime/bin/java").toString());
    for (String line : Files.readAllLines(image.resolve("lib/app/assist-agent.cfg"))) {
      if (line.startsWith("java-options=-X")) {
        command.add(line.substring("java-options=".length()));
      }
    }
    command.addAll(
        List.of(
            "-cp",
            Path.of(IdleJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(),
            IdleJvm.class.getName()));
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals(IdleJvm.READY, out.readLine());
      return String.format(Locale.ROOT, "%.1f MiB", Measures.residentKib(jvm.pid()) / 1024.0);
    } finally {
      jvm.destroy();
      jvm.waitFor();
    }
  }

  /**
   * The agent's resident memory (KiB) and CPU ticks (of 10 ms) over {@link #IDLE}; meanwhile, and
   * until {@link #SERVER_IDLE}, the server's resident memory (KiB) is added to {@code serverKib}
   * every 200 ms (also written, in MiB, to target/roundtrip-server-memory.csv).
   */
  private static long[] idleAgent(long pid, long server, List<Long> serverKib) throws Exception {
    long start = System.nanoTime();
    long ticks = Measures.cpuTicks(pid);
    long[] agent = new long[2];
    Poll.until(
        SERVER_IDLE.plusSeconds(10),
        "the agent and the server idle for " + SERVER_IDLE.toSeconds() + " s",
        () -> {
          serverKib.add(Measures.residentKib(server));
          long elapsed = System.nanoTime() - start;
          if (elapsed >= IDLE.toNanos() && agent[0] == 0) {
            agent[0] = Measures.residentKib(pid);
            agent[1] = Measures.cpuTicks(pid) - ticks;
          }
          return elapsed;
        },
        elapsed -> elapsed >= SERVER_IDLE.toNanos());
    Files.write(
        Path.of("target", "roundtrip-server-memory.csv"),
        serverKib.stream().map(kib -> String.valueOf(kib / 1024)).toList(),
        StandardCharsets.UTF_8);
    return agent;
  }

  /** Measured calls, and the CPU ticks (of 10 ms) the server, its compiler and the agent spent. */
  private record Block(List<Round> rounds, long server, long compiler, long agent) {
    Block plus(Block other) {
      List<Round> both = new ArrayList<>(rounds);
      both.addAll(other.rounds);
      return new Block(both, server + other.server, compiler + other.compiler, agent + other.agent);
    }

    /** Per call, in ms. */
    String cpu() {
      return String.format(
          Locale.ROOT,
          "the server %.1f ms (its just-in-time compiler, still at work, %.1f ms of it), the agent %.1f ms (its script's /bin/sh included; the machine has 2 cores, shared with this client)",
          server * 10.0 / rounds.size(),
          compiler * 10.0 / rounds.size(),
          agent * 10.0 / rounds.size());
    }
  }

  /** Half of {@link #ROUNDS} calls {@link #PACE} apart, in one call each or two. */
  private static Block block(
      Api api, long session, long script, boolean oneCall, long server, long agent)
      throws IOException {
    long serverTicks = Measures.cpuTicks(server);
    Map<String, Long> serverThreads = Measures.cpuTicksByThread(server);
    long agentTicks = Measures.cpuTicks(agent);
    List<Round> rounds = calls(ROUNDS / 2, PACE, api, session, script, oneCall);
    return new Block(
        rounds,
        Measures.cpuTicks(server) - serverTicks,
        Measures.compilerTicks(serverThreads, Measures.cpuTicksByThread(server)),
        Measures.cpuTicks(agent) - agentTicks);
  }

  /**
   * {@code count} calls, each starting {@code pace} after the one before at the soonest: each the
   * launch and then the waiting call, or the launch that waits ({@code oneCall}); null: both ways
   * in turn.
   */
  private static List<Round> calls(
      int count, Duration pace, Api api, long session, long script, Boolean oneCall) {
    return paced(
        count, pace, i -> round(api, session, script, oneCall == null ? i % 2 == 0 : oneCall));
  }

  /** {@code count} calls, each starting {@code pace} after the one before at the soonest. */
  private static <T> List<T> paced(int count, Duration pace, IntFunction<T> call) {
    List<T> results = new ArrayList<>();
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long now;
      while ((now = System.nanoTime()) < next) {
        LockSupport.parkNanos(next - now);
      }
      next = now + pace.toNanos();
      results.add(call.apply(i));
    }
    return results;
  }

  /**
   * Half of {@link #ROUNDS} calls of each {@link Floor} shape, in turn and {@link #PACE} apart as
   * Assist's, after {@link #FLOOR_WARMUP} of each: their times in µs.
   */
  private static Map<Floor, List<Long>> floorCalls() {
    Api api = Api.anonymous();
    inTurn(api, FLOOR_WARMUP, Duration.ZERO);
    return inTurn(api, ROUNDS / 2, PACE);
  }

  /** {@code each} calls of every {@link Floor} shape, in turn: their times in µs, by shape. */
  private static Map<Floor, List<Long>> inTurn(Api api, int each, Duration pace) {
    Floor[] shapes = Floor.values();
    Map<Floor, List<Long>> byShape = new EnumMap<>(Floor.class);
    paced(
        each * shapes.length,
        pace,
        i -> {
          Floor shape = shapes[i % shapes.length];
          long start = System.nanoTime();
          String path = "/floor/api/" + shape.path;
          Api.Reply answer =
              shape.method.equals("GET")
                  ? api.getFrom(path)
                  : api.postTo(path, JsonValue.EMPTY_JSON_OBJECT);
          long micros = (System.nanoTime() - start) / 1000;
          assertEquals(204, answer.status(), answer.toString());
          byShape.computeIfAbsent(shape, f -> new ArrayList<>()).add(micros);
          return micros;
        });
    return byShape;
  }

  private static Round round(Api api, long session, long script, boolean oneCall) {
    long launched = System.nanoTime();
    long launchedAt = micros(Instant.now());
    JsonObject body =
        Scripts.launchBody(new long[] {session}, new long[] {script}, new int[] {10}, false);
    JsonObject result;
    long returned;
    if (oneCall) {
      Api.Reply reply = api.post("/runs?waitMillis=10000", body);
      assertEquals(200, reply.status(), reply.toString());
      result = reply.json();
      returned = launched;
    } else {
      Api.Reply reply = api.post("/runs", body);
      assertEquals(202, reply.status(), reply.toString());
      returned = System.nanoTime();
      result = api.get("/runs/" + reply.json().getJsonNumber("id") + "?waitMillis=10000").json();
    }
    long answered = System.nanoTime();
    JsonObject target = result.getJsonArray("sessions").getJsonObject(0);
    assertEquals("DONE", target.getString("state"), result.toString());
    JsonObject step = target.getJsonArray("steps").getJsonObject(0);
    assertEquals("hi\n", step.getString("stdout"));
    // both recorded by the server as their events are applied (the start's event goes with the
    // script's first output)
    long started = micros(Instant.parse(step.getString("startedAt")));
    long recorded = micros(Instant.parse(step.getString("finishedAt")));
    return new Round(
        (answered - launched) / 1000,
        (returned - launched) / 1000,
        started - launchedAt,
        recorded - launchedAt,
        step.getJsonNumber("durationMillis").longValue() * 1000,
        (answered - launched) / 1000 - (recorded - launchedAt));
  }

  /** Every measured call, for a closer look: target/{@code file}, in µs. */
  private static void writeCalls(List<Round> rounds, String file) throws IOException {
    RecordComponent[] columns = Round.class.getRecordComponents();
    List<String> lines = new ArrayList<>();
    lines.add(Arrays.stream(columns).map(RecordComponent::getName).collect(joining(",")));
    for (Round r : rounds) {
      lines.add(Arrays.stream(columns).map(c -> String.valueOf(value(c, r))).collect(joining(",")));
    }
    Files.write(Path.of("target", file), lines, StandardCharsets.UTF_8);
  }

  private static Object value(RecordComponent column, Round round) {
    try {
      return column.getAccessor().invoke(round);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  private static <T> double median(List<T> rounds, ToLongFunction<T> what) {
    return Measures.percentile(rounds.stream().map(what::applyAsLong).toList(), 50) / 1000.0;
  }

  /** A part's median and p95, in ms. */
  private static <T> String spread(List<T> rounds, ToLongFunction<T> what) {
    return String.format(Locale.ROOT, "%.1f ms (%.1f)", median(rounds, what), p95(rounds, what));
  }

  private static <T> double p95(List<T> rounds, ToLongFunction<T> what) {
    return Measures.percentile(rounds.stream().map(what::applyAsLong).toList(), 95) / 1000.0;
  }

  private static void report(String format, Object... args) throws Exception {
    Measures.report("roundtrip: " + format, args);
  }
}
