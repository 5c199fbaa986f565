package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.JsonObject;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assist.agent.messaging.BrokerLink;
import org.assist.agent.messaging.CertificatePin;
import org.assist.agent.messaging.Outbox;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.CommandType;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Event;
import org.assist.protocol.EventBody;
import org.assist.protocol.Hello;
import org.assist.protocol.JmsCodec;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.RunFinished;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (profile {@code benchmark}): {@code kill -9} of the server in the middle of a run on
 * many sessions, then the server started again. The server is a copy of the product started as
 * README says (embedded H2); {@code -Dbenchmark.fault.sessions} agents (default 200) are load
 * clients built on the agent's own broker link and outbox, under a consent policy, each running the
 * run's script as a numbered line every 0.1 s for 6 s (written by the client, no process started).
 * The server is killed 3 s into the run. Prints what was lost, what arrived twice, how many scripts
 * ran twice, and how long after the server answered again the agents were back; fails unless every
 * session's run ends with its whole output.
 *
 * <p>Leaves out: real script processes and the rest of a real agent (its journal on disk, its
 * customer); a real agent's outbox is on disk, these are in memory (the clients are not killed).
 */
class FaultBenchmark {
  private static final int SESSIONS = Integer.getInteger("benchmark.fault.sessions", 200);
  private static final int LINES = 60;
  private static final String PASSWORD = "fault-Admin-1";

  /** A load client: the agent's broker link and outbox, running the run's script as a writer. */
  private static final class Client {
    final BrokerLink link;
    final Outbox outbox = Outbox.inMemory();
    final Set<String> ran = ConcurrentHashMap.newKeySet();
    final AtomicInteger deliveries = new AtomicInteger();
    final AtomicInteger linesWritten = new AtomicInteger();
    volatile long backAt;

    Client(BrokerLink link) {
      this.link = link;
    }

    void send(String commandId, EventBody body) {
      outbox.add(Event.of(commandId, body));
    }
  }

  @Test
  void killTheServerInTheMiddleOfARun() throws Exception {
    ScheduledExecutorService scripts = Executors.newScheduledThreadPool(4);
    List<Client> clients = new ArrayList<>();
    try (ProductServer server = ProductServer.copy("server-fault", 300)) {
      try {
        measure(server, clients, scripts);
      } finally {
        // while the server still answers: closing a link waits for its answer
        scripts.shutdownNow();
        clients.forEach(c -> c.outbox.close());
        clients.parallelStream().forEach(c -> c.link.close());
      }
    }
  }

  private static void measure(
      ProductServer server, List<Client> clients, ScheduledExecutorService scripts)
      throws Exception {
    server.start(Map.of("ASSIST_ADMIN_PASSWORD", PASSWORD));
    server.awaitUp(Duration.ofSeconds(180));
    CertificatePin.pin(server.pin().fingerprint());
    Api admin = Api.at(server.root(), server.http(), "admin", PASSWORD);
    Api agents = Api.at(server.root(), server.http(), null, null);
    String category = "Fault " + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, admin.post("/categories", "{\"name\":\"" + category + "\"}").status());
    long script =
        Scripts.add(
            admin,
            category,
            "Numbered",
            "i=1; while [ $i -le " + LINES + " ]; do echo \"line $i\"; i=$((i+1)); sleep 0.1; done",
            null,
            null);
    PublicKey key = ProtocolAgent.serverKey(agents);

    long[] sessions = new long[SESSIONS];
    for (int i = 0; i < SESSIONS; i++) {
      JsonObject session = admin.post("/sessions", "").json();
      sessions[i] = session.getJsonNumber("id").longValue();
      JoinTicket ticket =
          ProtocolAgent.joinTicket(
              agents,
              new JoinRequest(
                  session.getString("number"), new Hello("fault-" + i, "Linux", "load"), null));
      Client client = new Client(new BrokerLink(java.net.URI.create(server.root()), ticket));
      client.link.start(
          message -> onCommand(message, client, key, scripts),
          up -> {
            if (up) {
              client.backAt = System.nanoTime();
            }
          });
      client.outbox.start(client.link::sendAll);
      clients.add(client);
    }

    System.out.printf("fault: %d clients joined and connected%n", clients.size());
    long run = Scripts.launch(admin, sessions, new long[] {script}, new int[] {60}, false);
    // 3 s into the run: every script has written its thirtieth line
    Poll.until(
        Duration.ofSeconds(90),
        "every script 3 s in",
        () -> clients.stream().filter(c -> c.linesWritten.get() >= 30).count(),
        started -> started == SESSIONS);
    // one computer goes away for good with the server: its run must not stay RUNNING
    Client gone = clients.remove(clients.size() - 1);
    gone.outbox.close();
    long killedAt = System.nanoTime();
    server.kill();
    long deadAt = System.nanoTime();
    // its link gives up on the dead server in the background (a close waits for an answer)
    Thread closing = new Thread(gone.link::close, "fault-gone-link");
    closing.setDaemon(true);
    closing.start();
    java.nio.file.Path log = server.home().resolve("standalone/log/server.log");
    long logBefore = java.nio.file.Files.size(log);
    long startAt = System.nanoTime();
    server.start(Map.of("ASSIST_ADMIN_PASSWORD", PASSWORD));
    server.awaitUp(Duration.ofSeconds(300));
    long upAt = System.nanoTime();
    System.out.printf(
        "fault: the killed server's process was gone after %.1f s; started again %.1f s later,"
            + " answering after %.1f s%n",
        (deadAt - killedAt) / 1e9, (startAt - deadAt) / 1e9, (upAt - startAt) / 1e9);

    Poll.until(
        Duration.ofSeconds(60),
        "every client back",
        () -> clients.stream().filter(c -> c.backAt > killedAt).count(),
        back -> back == clients.size());
    List<Long> backMillis =
        clients.stream()
            .map(c -> Math.max(0, TimeUnit.NANOSECONDS.toMillis(c.backAt - upAt)))
            .collect(Collectors.toList());
    List<JsonObject> targets =
        Poll.until(
            Duration.ofSeconds(180),
            "the run to end on every session",
            () ->
                admin
                    .get("/runs/" + run)
                    .json()
                    .getJsonArray("sessions")
                    .getValuesAs(JsonObject.class),
            all ->
                all.stream()
                    .noneMatch(
                        t ->
                            List.of("RUNNING", "WAITING_FOR_CONSENT")
                                .contains(t.getString("state"))));

    String expected =
        IntStream.rangeClosed(1, LINES)
            .mapToObj(i -> "line " + i + "\n")
            .collect(Collectors.joining());
    int lost = 0;
    int twice = 0;
    int done = 0;
    int gaps = 0;
    int interrupted = 0;
    for (JsonObject target : targets) {
      if (target.getJsonNumber("sessionId").longValue() == sessions[SESSIONS - 1]) {
        interrupted += "INTERRUPTED".equals(target.getString("state")) ? 1 : 0;
        continue;
      }
      JsonObject step = target.getJsonArray("steps").getJsonObject(0);
      String out = step.getString("stdout");
      List<String> lines = out.lines().toList();
      for (int i = 1; i <= LINES; i++) {
        long seen = lines.stream().filter(("line " + i)::equals).count();
        lost += seen == 0 ? 1 : 0;
        twice += seen > 1 ? (int) seen - 1 : 0;
      }
      gaps += step.getInt("outputMissing");
      if ("DONE".equals(target.getString("state")) && expected.equals(out)) {
        done++;
      }
    }
    long deliveredAgain = clients.stream().filter(c -> c.deliveries.get() > 1).count();
    String restarted = java.nio.file.Files.readString(log).substring((int) logBefore);
    List<String> warningLines =
        restarted.lines().filter(l -> l.matches("^\\S+ \\S+ (WARN|ERROR|SEVERE).*")).toList();
    warningLines.stream().limit(10).forEach(l -> System.out.println("after the restart: " + l));
    long warnings = warningLines.size();
    Measures.report(
        "fault, kill -9 of the server 3 s into a run on %d sessions (6 s scripts, agents under a consent policy): server answered again %.1f s after the kill; %d of %d runs DONE with their whole output (the session whose computer did not come back: %s); %d output lines lost, %d twice, %d parts shown missing; %d commands delivered again (each agent runs a command id once); agents back %d ms (median) and %d ms (slowest) after the server answered; %d warnings or errors in the server log after the restart",
        SESSIONS,
        (upAt - killedAt) / 1e9,
        done,
        clients.size(),
        interrupted == 1 ? "interrupted" : "NOT interrupted",
        lost,
        twice,
        gaps,
        deliveredAgain,
        Measures.percentile(backMillis, 50),
        Measures.percentile(backMillis, 100),
        warnings);
    assertEquals(clients.size(), done, "runs that ended with their whole output");
    assertEquals(1, interrupted, "the run of the computer that did not come back is interrupted");
    assertEquals(0, lost, "lines lost");
    assertEquals(0, twice, "lines twice");
  }

  /**
   * A run as the agent takes it: checked, journaled (once per command id), allowed by the consent
   * policy, then the script's numbered lines every 0.1 s, its end and the run's end, all through
   * the outbox.
   */
  private static void onCommand(
      Message message, Client client, PublicKey key, ScheduledExecutorService scripts) {
    try {
      SignedCommand command = JmsCodec.readCommand(message);
      message.acknowledge();
      if (command.command().type() != CommandType.RUN_SCRIPTS
          || !CommandSignature.verify(key, command.command(), command.signature())) {
        return;
      }
      String id = command.command().id();
      client.deliveries.incrementAndGet();
      if (!client.ran.add(id)) {
        return;
      }
      client.send(id, new ConsentAnswer(true, ConsentAnswer.How.POLICY));
      client.send(id, new StepStarted(0));
      for (int i = 1; i <= LINES; i++) {
        int line = i;
        scripts.schedule(
            () -> {
              client.send(id, new OutputChunk(0, line - 1, false, "line " + line + "\n"));
              client.linesWritten.incrementAndGet();
              if (line == LINES) {
                client.send(id, new StepFinished(0, 0, LINES * 100L, false, false, null, LINES));
                client.send(id, new RunFinished(true, null));
              }
            },
            i * 100L,
            TimeUnit.MILLISECONDS);
      }
    } catch (JMSException | org.assist.protocol.MalformedMessageException e) {
      throw new IllegalStateException(e);
    }
  }
}
