package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assist.protocol.ChatText;
import org.assist.protocol.Protocol;
import org.assist.protocol.SystemInfoDocument;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent that floods the server (a runaway program feeding the customer's terminal, or a hostile
 * agent) is held to its budget: what goes over is dropped, said once in its report, and the other
 * agents, the console and its own later answers are not kept waiting.
 */
@ExtendWith(ArquillianExtension.class)
class FloodIT {
  private static final int FLOOD = 10_000;
  private static final int LOOP = 60;

  @Test
  void aFloodingAgentIsHeldToItsBudgetWhileAnotherAgentsRunGoesOn() throws Exception {
    String user = Api.newTechnician("flooded", "technician");
    Api api = Api.asTechnician(user);
    long script =
        Scripts.add(
            api, Scripts.category(), "Meanwhile " + UUID.randomUUID(), "echo done", null, null);
    String numberA = api.post("/sessions", "").json().getString("number");
    String numberB = api.post("/sessions", "").json().getString("number");
    try (ProtocolAgent flooder = ProtocolAgent.join(numberA, "pc-a", "Linux", "runaway").connect();
        AgentProcess other = AgentProcess.joinAllowingScripts(numberB)) {
      other.await("Connected.");
      long sessionB = Scripts.sessionId(api, numberB);
      long started = System.nanoTime();
      CompletableFuture<Void> flood =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < FLOOD; i++) {
                    flooder.send(null, ChatText.fromCustomer("flood " + i));
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      // another customer's run, launched in the middle of the flood, goes as usual
      long run =
          Scripts.launch(api, new long[] {sessionB}, new long[] {script}, new int[] {10}, false);
      Scripts.awaitState(api, run, sessionB, Duration.ofSeconds(20), "DONE");
      flood.get();

      // the flooder's own answer, after its flood, is not kept waiting behind it
      String command =
          api.post("/sessions/" + flooder.sessionId + "/system-info", "")
              .json()
              .getString("commandId");
      flooder.nextCommand();
      flooder.consent(command);
      long asked = System.nanoTime();
      flooder.send(command, new SystemInfoDocument("pc-a", Instant.now(), List.of()));
      Poll.until(
          Duration.ofSeconds(20),
          "the flooder's answer stored",
          () -> api.get("/sessions/" + flooder.sessionId + "/system-info").status(),
          status -> status == 200);
      long answerMillis = (System.nanoTime() - asked) / 1_000_000;

      double seconds = (System.nanoTime() - started) / 1e9;
      long kept =
          count("select count(*) from chat_message where session_id = ?", flooder.sessionId);
      assertTrue(
          kept <= 10 + seconds + 1,
          kept + " of " + FLOOD + " chat lines kept in " + seconds + " s");
      assertEquals(
          1,
          count(
              "select count(*) from session_event where kind = 'MESSAGES_DROPPED' and session_id = ?",
              flooder.sessionId),
          "said once in the report");
      System.out.printf(
          "flood: %d chat lines sent, %d kept over %.1f s; the flooder's next answer in %d ms%n",
          FLOOD, kept, seconds, answerMillis);
    }
  }

  /**
   * An agent whose link comes and goes in a loop (a runaway agent's reconnects) is said once in its
   * report and the log, costs no report entry or console update per arrival, and another customer's
   * run goes on meanwhile; once steady, where it stands is said.
   */
  @Test
  void anAgentComingAndGoingInALoopIsSaidOnceWhileAnotherAgentsRunGoesOn() throws Exception {
    String user = Api.newTechnician("looped", "technician");
    Api api = Api.asTechnician(user);
    long script =
        Scripts.add(
            api, Scripts.category(), "Steady " + UUID.randomUUID(), "echo steady", null, null);
    String numberA = api.post("/sessions", "").json().getString("number");
    String numberB = api.post("/sessions", "").json().getString("number");
    int logStart = ServerLog.length();
    try (ProtocolAgent looper = ProtocolAgent.join(numberA, "pc-loop", "Linux", "runaway");
        AgentProcess other = AgentProcess.joinAllowingScripts(numberB)) {
      other.await("Connected.");
      long sessionB = Scripts.sessionId(api, numberB);
      long run =
          Scripts.launch(api, new long[] {sessionB}, new long[] {script}, new int[] {10}, false);
      for (int i = 0; i < LOOP; i++) {
        try (Connection link = looper.rawConnection()) {
          Session session = link.createSession(false, Session.AUTO_ACKNOWLEDGE);
          session.createConsumer(session.createQueue(Protocol.commandQueue(looper.agentId)));
          link.start();
        }
      }
      Scripts.awaitState(api, run, sessionB, Duration.ofSeconds(20), "DONE");
      looper.connect();

      // once steady (30 s), where it stands is said: online
      List<String> kinds =
          Poll.until(
              Duration.ofSeconds(60),
              "the looper said online once steady",
              () -> kinds(looper.sessionId),
              found ->
                  found.contains("CUSTOMER_COMING_AND_GOING")
                      && found.get(found.size() - 1).equals("CUSTOMER_ONLINE")
                      && found.lastIndexOf("CUSTOMER_ONLINE")
                          > found.indexOf("CUSTOMER_COMING_AND_GOING"));
      assertEquals(
          1, kinds.stream().filter("CUSTOMER_COMING_AND_GOING"::equals).count(), "said once");
      long comingsAndGoings =
          kinds.stream()
              .filter(k -> k.equals("CUSTOMER_ONLINE") || k.equals("CUSTOMER_OFFLINE"))
              .count();
      assertTrue(
          comingsAndGoings <= 2 * 10 + 1,
          comingsAndGoings + " online and offline entries for " + LOOP + " arrivals: " + kinds);
      String log = ServerLog.since(logStart);
      assertEquals(1, occurrences(log, "came and went more than"), "said once in the log");
      assertTrue(log.contains("steady again after"), "its end said in the log");
      assertTrue(
          api.get("/sessions/" + looper.sessionId).json().getBoolean("customerOnline"),
          "shown online");
      System.out.printf(
          "reconnect loop: %d arrivals, %d report entries of comings and goings%n",
          LOOP, comingsAndGoings);
    }
  }

  private static List<String> kinds(long session) throws Exception {
    return Database.strings(
        "select kind from session_event where session_id = cast(? as bigint) order by id",
        String.valueOf(session));
  }

  private static int occurrences(String text, String part) {
    int found = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      found++;
    }
    return found;
  }

  private static long count(String sql, long session) throws Exception {
    try (java.sql.Connection db = Database.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, session);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
