package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assist.protocol.ChatText;
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
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (api.get("/sessions/" + flooder.sessionId + "/system-info").status() != 200) {
        assertTrue(System.nanoTime() < deadline, "the answer never came through");
        Thread.sleep(100);
      }
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

  private static long count(String sql, long session) throws Exception {
    try (Connection db = Database.connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setLong(1, session);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
