package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assist.agent.messaging.BrokerLink;
import org.assist.agent.messaging.Outbox;
import org.assist.agent.scripts.ScriptFiles;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Event;
import org.assist.protocol.EventBody;
import org.assist.protocol.Hello;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RunFinished;
import org.assist.protocol.RunPlan;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Benchmark (profile {@code benchmark}): a load generator of 200 agent protocol clients in this one
 * process, built from the agent's own code (its broker link and outbox, its file fetching with
 * SHA-256 check, the protocol codec); one run of a 1 MiB script launched on all 200 sessions. The
 * load clients run nothing: they fetch and check the file, then report a canned result, so that
 * figure is the server's, the broker's and the database's work (and the clients' own, on the same
 * cores: the CPU each spent is printed beside it). Then a trivial script on a real agent, from
 * launch to its exit code in the console, everything included (the agent starts {@code /bin/sh} for
 * it). A run that does not finish on every session fails the benchmark.
 */
@ExtendWith(ArquillianExtension.class)
class RunLoadBenchmark {
  /** {@code -Dbenchmark.agents=0} measures only the trivial script's latency. */
  private static final int AGENTS = Integer.getInteger("benchmark.agents", 200);

  /**
   * Runs of the big script, one after another: the first after the server's start pays for loading
   * and compiling the code on its path, and the next ones still for the just-in-time compiler's
   * work (measured here, runs 2 to 5 took 3.2-4.3 s and their server's compiler 0.5-0.9 s each);
   * the runs after {@link #LOAD_WARMUP} are as on a server that has been up a while.
   */
  private static final int LOAD_RUNS = Integer.getInteger("benchmark.load.runs", 15);

  /** The runs that warm the server up, the first included: reported, not in the median. */
  private static final int LOAD_WARMUP = Integer.getInteger("benchmark.load.warmup", 10);

  /** Trivial runs measured, after {@link #WARMUP} more that warm the server's compiled code up. */
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 50);

  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 100);

  /** The first trivial runs, reported apart: the server's code is not yet compiled for them. */
  private static final int FIRST = 20;

  @Test
  void measure() throws Exception {
    String user = Api.newTechnician("load", "technician");
    Api api = Api.asTechnician(user);
    String category = Scripts.category();
    long script =
        Scripts.add(
            api,
            category,
            "Big " + UUID.randomUUID(),
            "# " + "x".repeat(1024 * 1024 - 64) + "\nexit 0",
            null,
            null);

    if (AGENTS > 0) {
      loadRun(api, script);
    }
    trivialScriptLatency(user, api, category);
  }

  /** One run of a big script on many load clients: dispatch and completion times. */
  private static void loadRun(Api api, long script) throws Exception {
    URI server = URI.create(TestServer.ROOT);
    TestTls.pin();
    // a thread per client: each real agent is its own process and answers on its own
    ExecutorService work = Executors.newFixedThreadPool(AGENTS);
    Map<String, Long> received = new ConcurrentHashMap<>();
    List<BrokerLink> links = new ArrayList<>();
    List<Outbox> outboxes = new ArrayList<>();
    long serverPid = Measures.serverPid();
    long[] sessions = new long[AGENTS];
    try {
      for (int i = 0; i < AGENTS; i++) {
        JsonObject session = api.post("/sessions", "").json();
        sessions[i] = session.getJsonNumber("id").longValue();
        JoinTicket ticket =
            ProtocolAgent.joinTicket(
                new JoinRequest(
                    session.getString("number"), new Hello("load-" + i, "Linux", "load"), null));
        String agentId = ticket.agentId();
        String secret = ticket.secret();
        PublicKey key = ProtocolAgent.serverKey();
        BrokerLink link = new BrokerLink(server, ticket);
        ScriptFiles files = new ScriptFiles(server, agentId, secret);
        // events go as the agent sends them: through its outbox, in batches
        Outbox outbox = Outbox.inMemory();
        link.start(
            message -> onCommand(message, outbox, files, key, agentId, received, work), up -> {});
        outbox.start(link::sendAll);
        links.add(link);
        outboxes.add(outbox);
      }
      Thread.sleep(2000);

      // the first runs after the server's start also pay for its just-in-time compilation
      int warmup = Math.max(1, Math.min(LOAD_WARMUP, LOAD_RUNS - 1));
      List<Long> warming = new ArrayList<>();
      List<Long> later = new ArrayList<>();
      for (int i = 1; i <= LOAD_RUNS; i++) {
        String which =
            i == 1 ? "first run after the server's start" : "run " + i + " of " + LOAD_RUNS;
        received.clear();
        long serverTicks = Measures.cpuTicks(serverPid);
        Map<String, Long> serverThreads = Measures.cpuTicksByThread(serverPid);
        long clientTicks = Measures.cpuTicks(ProcessHandle.current().pid());
        long databaseTicks = Measures.databaseCpuTicks();
        long start = System.nanoTime();
        long wall = System.currentTimeMillis();
        long run = Scripts.launch(api, sessions, new long[] {script}, new int[] {60}, false);
        long dispatched = (System.nanoTime() - start) / 1_000_000;
        // answered the moment the run has ended on every session (or after a minute)
        JsonObject ended = api.get("/runs/" + run + "?waitMillis=60000").json();
        long all = (System.nanoTime() - start) / 1_000_000;
        long done =
            ended.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                .filter(target -> target.getString("state").equals("DONE"))
                .count();
        long lastDelivery =
            received.values().stream().mapToLong(Long::longValue).max().orElse(0) - wall;
        // CPU ticks are of 10 ms
        Measures.report(
            "run of a 1 MiB script on %d sessions (%s; the clients run nothing): launch call returned in %d ms, every agent had the command after %d ms, %d/%d results in the reports after %d ms; CPU meanwhile (the machine's 2 cores give %.1f s): the server %.1f s (its just-in-time compiler %.1f s of it), the database %.1f s, the %d load clients (this test process) %.1f s",
            AGENTS,
            which,
            dispatched,
            lastDelivery,
            done,
            AGENTS,
            all,
            2 * all / 1000.0,
            (Measures.cpuTicks(serverPid) - serverTicks) / 100.0,
            Measures.compilerTicks(serverThreads, Measures.cpuTicksByThread(serverPid)) / 100.0,
            (Measures.databaseCpuTicks() - databaseTicks) / 100.0,
            AGENTS,
            (Measures.cpuTicks(ProcessHandle.current().pid()) - clientTicks) / 100.0);
        assertEquals(AGENTS, done, "sessions where the run finished (" + which + ")");
        if (i > warmup) {
          later.add(all);
        } else if (i > 1) {
          warming.add(all);
        }
      }
      if (!later.isEmpty()) {
        Measures.report(
            "run of a 1 MiB script on %d sessions, all results in: median %d ms over the %d runs after %d that warmed the server up (%d to %d ms; the warm-up runs after the first %s; goal 2 s)",
            AGENTS,
            Measures.percentile(later, 50),
            later.size(),
            warmup,
            Collections.min(later),
            Collections.max(later),
            warming.isEmpty()
                ? "none"
                : Collections.min(warming) + " to " + Collections.max(warming) + " ms");
      }
    } finally {
      outboxes.forEach(Outbox::close);
      links.forEach(BrokerLink::close);
      work.shutdownNow();
    }
  }

  /** What a load client does with a command: the real protocol, without running anything. */
  private static void onCommand(
      Message message,
      Outbox outbox,
      ScriptFiles files,
      PublicKey key,
      String agentId,
      Map<String, Long> received,
      ExecutorService work) {
    try {
      JmsCodec.SignedCommand signed = JmsCodec.readCommand(message);
      message.acknowledge();
      received.put(agentId, System.currentTimeMillis());
      if (!CommandSignature.verify(key, signed.command(), signed.signature())) {
        return;
      }
      String id = signed.command().id();
      work.execute(
          () -> {
            try {
              RunPlan plan = (RunPlan) signed.body();
              // what may wait a moment for company, as the agent's (RunReporter, AgentRuntime)
              send(outbox, id, new ConsentAnswer(true, ConsentAnswer.How.POLICY), true);
              for (RunPlan.Step step : plan.steps()) {
                files.get(step, false);
                send(outbox, id, new StepStarted(step.index()), false);
                send(outbox, id, new OutputChunk(step.index(), 0, false, "ok\n"), true);
                send(outbox, id, new StepFinished(step.index(), 0, 1, false, false, null, 0), true);
              }
              send(outbox, id, new RunFinished(true, null), false);
            } catch (Exception e) {
              System.err.println("load client " + agentId + ": " + e);
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(Outbox outbox, String commandId, EventBody body, boolean mayWait) {
    outbox.add(Event.of(commandId, body), mayWait);
  }

  /**
   * A real agent with a consent policy; {@code exit 0} launched again and again, timed in the page.
   * Then a second, fresh agent on the now warm server: a customer's agent usually runs a few
   * scripts in a session, so its own code is rarely warmed up.
   */
  private static void trivialScriptLatency(String user, Api api, String category) throws Exception {
    long trivial = Scripts.add(api, category, "Trivial " + UUID.randomUUID(), "exit 0", null, null);
    try (Browser browser = Browser.start()) {
      browser.signIn(user, Api.passwordOf(user));
      List<Round> rounds = rounds(browser, api, trivial, WARMUP + ROUNDS);
      List<Round> measured = rounds.subList(WARMUP, rounds.size());
      Measures.report(
          "trivial script (exit 0), launch to exit code shown in the console, everything included: median %d ms, p95 %d ms (%d rounds after %d warm-up rounds, consent by policy); the first %d rounds: median %d ms",
          median(measured, Round::latency),
          Measures.percentile(measured.stream().map(Round::latency).toList(), 95),
          ROUNDS,
          WARMUP,
          FIRST,
          median(rounds.subList(0, Math.min(FIRST, rounds.size())), Round::latency));
      Measures.report(
          "trivial script, medians after warm-up: launch call (REST, Basic auth) %d ms; launch to the exit code in the report %d ms, of which the script's own run time on the agent (starting /bin/sh included) %d ms; then to the console showing it %d ms",
          median(measured, Round::launchCall),
          median(measured, Round::toRecorded),
          median(measured, Round::ownTime),
          median(measured, Round::toScreen));
      Measures.report(
          "trivial script on a fresh agent (the server warm): median %d ms over its first %d runs, %d ms for its very first",
          median(rounds(browser, api, trivial, FIRST), Round::latency),
          FIRST,
          // a third agent, for one first run alone
          rounds(browser, api, trivial, 1).get(0).latency());
    }
  }

  /** One launch, timed, in ms: everything, and where it went. */
  private record Round(
      long latency, long launchCall, long toRecorded, long ownTime, long toScreen) {}

  private static long median(List<Round> rounds, java.util.function.ToLongFunction<Round> what) {
    return Measures.percentile(rounds.stream().map(r -> what.applyAsLong(r)).toList(), 50);
  }

  /** A new session with a new agent, its page open, and {@code count} launches of the script. */
  private static List<Round> rounds(Browser browser, Api api, long script, int count)
      throws Exception {
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.joinAllowingScripts(number)) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.visible(By.id("session:feed"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      // when each exit code line appears, timed in the page; the test waits for it without polling
      // the browser (polling would load the 2 cores that the measured path runs on)
      js.executeScript(
          "window.__shown = []; window.__wait = null;"
              + " new MutationObserver(function () {"
              + "   var n = document.querySelectorAll('.feed-finished').length;"
              + "   while (window.__shown.length < n) { window.__shown.push(Date.now()); }"
              + "   var w = window.__wait;"
              + "   if (w && window.__shown[w.index]) { window.__wait = null; w.done(window.__shown[w.index]); }"
              + " }).observe(document.body, {childList: true, subtree: true});");
      List<Round> rounds = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        // a technician launches on a quiet console: the last run's progress has been re-rendered
        Thread.sleep(300);
        browser.settle();
        int before =
            ((Number)
                    js.executeScript("return document.querySelectorAll('.feed-finished').length;"))
                .intValue();
        js.executeScript("window.__shown = new Array(" + before + ").fill(0);");
        long launched = System.currentTimeMillis();
        long run =
            Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {10}, false);
        long returned = System.currentTimeMillis();
        long shown =
            ((Number)
                    js.executeAsyncScript(
                        "var index = arguments[0], done = arguments[1];"
                            + " if (window.__shown[index]) { done(window.__shown[index]); }"
                            + " else { window.__wait = {index: index, done: done}; }",
                        before))
                .longValue();
        JsonObject step =
            Scripts.awaitState(api, run, session, Duration.ofSeconds(10), "DONE")
                .getJsonArray("steps")
                .getJsonObject(0);
        long ownTime = step.getJsonNumber("durationMillis").longValue();
        // the server's record of the script's end: where the time goes
        long finished = java.time.Instant.parse(step.getString("finishedAt")).toEpochMilli();
        rounds.add(
            new Round(
                shown - launched,
                returned - launched,
                finished - launched,
                ownTime,
                shown - finished));
      }
      return rounds;
    }
  }
}
