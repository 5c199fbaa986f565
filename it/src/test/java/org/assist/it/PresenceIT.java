package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A computer that vanishes without closing its connection (switched off, its network cut, frozen)
 * sends nothing more: the broker drops it once it has been silent too long, and the console shows
 * it offline within 30 s. Back, it rejoins by itself and shows online again.
 */
@ExtendWith(ArquillianExtension.class)
class PresenceIT {
  private static final Duration OFFLINE_WITHIN = Duration.ofSeconds(30);

  @Test
  void aSilentComputerIsShownOfflineWithin30SecondsAndOnlineOnceBack() throws Exception {
    Api api = Api.asTechnician(Api.newTechnician("presence", "technician"));
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      Poll.reportEntries(session, "CUSTOMER_ONLINE", 1);
      int onlineEntries = Poll.reportEntryCount(session, "CUSTOMER_ONLINE");
      int logged = ServerLog.length();
      // the agent's process frozen: its connection stays open, nothing comes through it
      signal("STOP", agent.pid());
      long silent = System.nanoTime();
      try {
        Poll.until(
            OFFLINE_WITHIN.plusSeconds(30),
            "session " + session + " shown offline",
            () -> api.get("/sessions/" + session).json().getBoolean("customerOnline"),
            online -> !online);
        Duration took = Duration.ofNanos(System.nanoTime() - silent);
        System.out.println("PresenceIT: shown offline " + took.toMillis() + " ms after it froze");
        // a poll every 200 ms: the offline state may have been there that much sooner
        assertTrue(
            took.minusMillis(200).compareTo(OFFLINE_WITHIN) <= 0,
            "shown offline after " + took.toMillis() + " ms");
        Poll.reportEntries(session, "CUSTOMER_OFFLINE", 1);
        // the broker's warnings about the dropped connection, two per broker session, are not
        // logged: a site's network outage would make thousands
        String log = ServerLog.since(logged);
        assertFalse(log.contains("AMQ222061") || log.contains("AMQ222107"), log);
        // and nothing below INFO comes through the filter
        assertFalse(log.contains(" DEBUG ") || log.contains(" TRACE "), log);
      } finally {
        signal("CONT", agent.pid());
      }
      Poll.session(api, session, row -> row.getBoolean("customerOnline"));
      Poll.reportEntries(session, "CUSTOMER_ONLINE", onlineEntries + 1);
    }
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " " + pid + " failed");
    }
  }
}
