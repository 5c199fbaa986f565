package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.Hello;
import org.assist.protocol.JoinRequest;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A full server refuses new agents with a "busy" they understand, says so in its log once, and goes
 * on with the sessions it has; the agent waits and joins by itself once there is room.
 */
@ExtendWith(ArquillianExtension.class)
class CapacityIT {
  @Test
  void aFullServerTellsNewAgentsToComeBackAndTheyDo() throws Exception {
    Api admin = Api.admin();
    String user = Api.newTechnician("capacity", "technician");
    Api api = Api.asTechnician(user);
    String first = api.post("/sessions", "").json().getString("number");
    String second = api.post("/sessions", "").json().getString("number");
    int logFrom = ServerLog.length();
    try (ProtocolAgent connected = ProtocolAgent.join(first, "PC-1", "Linux", "marie").connect()) {
      // the help desk allows one agent at a time, and one is connected
      long firstSession = Scripts.sessionId(api, first);
      Poll.session(api, firstSession, session -> session.getBoolean("customerOnline"));
      assertEquals(200, admin.send("PUT", "/policies", "{\"MAX_AGENTS\":1}").status());
      for (int i = 0; i < 3; i++) {
        Api.Reply busy =
            Api.anonymous()
                .postTo(
                    AgentPaths.JOIN,
                    new JoinRequest(second, new Hello("PC-2", "Linux", "paul"), null).toJson());
        assertEquals(503, busy.status(), busy.toString());
        assertEquals("2", busy.headers().firstValue("Retry-After").orElse(null));
        assertTrue(busy.body().contains("The server is busy"), busy.body());
      }
      try (AgentProcess agent = AgentProcess.join(second, "--no-window")) {
        agent.await("The server is busy", 0, Duration.ofSeconds(30));
        // the session it has goes on meanwhile
        String marker = "still here " + java.util.UUID.randomUUID();
        connected.send(null, org.assist.protocol.ChatText.fromCustomer(marker));
        Poll.until(
            Duration.ofSeconds(30),
            "the connected customer's chat line",
            () -> Database.strings("select text from chat_message where text = ?", marker),
            lines -> lines.size() == 1);

        assertEquals(200, admin.send("PUT", "/policies", "{\"MAX_AGENTS\":0}").status());
        agent.await("Connected.", 0, Duration.ofSeconds(30));
      }
      String log = ServerLog.since(logFrom);
      assertEquals(1, log.split("The server is full", -1).length - 1, "said once:\n" + log);
      assertTrue(log.contains("The server has room again"), log);
    } finally {
      admin.send("PUT", "/policies", "{\"MAX_AGENTS\":0}");
    }
  }
}
