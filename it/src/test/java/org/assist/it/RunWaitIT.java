package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/runs/{id}?waitMillis=} and {@code POST /api/v1/runs?waitMillis=}: a ticketing
 * tool waits for a run's result instead of polling, with a real agent (consent by policy) on the
 * real server.
 */
@ExtendWith(ArquillianExtension.class)
class RunWaitIT {
  private static final String CATEGORY = Scripts.category();

  @Test
  void aWaitingCallIsAnsweredWhenTheRunEndsAndHoldsNoThreadMeanwhile() throws Exception {
    String user = Api.newTechnician("waits", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.joinAllowingScripts(number)) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      String gate = "/tmp/assist-wait-" + UUID.randomUUID();
      // runs until the test lets it end, so that the waits are known to be waiting meanwhile
      long script = gated(api, gate, "fini é");
      long run =
          Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {60}, false);

      // a short wait on a run going on ends with the wait, saying where the run stands
      long asked = System.nanoTime();
      JsonObject going = api.get("/runs/" + run + "?waitMillis=400").json();
      long waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
      assertFalse(going.getBoolean("ended"), going.toString());
      assertTrue(waited >= 400, "waited " + waited + " ms");

      // more callers waiting at once than the server has request threads (32 on this machine)
      int callers = 64;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Api.Reply>> waits = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          waits.add(pool.submit(() -> api.get("/runs/" + run + "?waitMillis=60000")));
        }
        // for two seconds after they were sent (each reaches the server within milliseconds), the
        // server answers other calls at once: a held answer holds none of its request threads
        long watching = System.nanoTime();
        int answeredMeanwhile = 0;
        while (System.nanoTime() - watching < Duration.ofSeconds(2).toNanos()) {
          long other = System.nanoTime();
          assertEquals(200, api.get("/sessions").status());
          long took = Duration.ofNanos(System.nanoTime() - other).toMillis();
          assertTrue(took < 2000, "the sessions list took " + took + " ms while 64 calls wait");
          answeredMeanwhile++;
        }
        assertTrue(answeredMeanwhile > 1);
        assertTrue(waits.stream().noneMatch(Future::isDone), "nobody answered before the end");

        long released = System.nanoTime();
        Files.writeString(Path.of(gate), "");
        for (Future<Api.Reply> wait : waits) {
          Api.Reply reply = wait.get();
          assertEquals(200, reply.status(), reply.toString());
          JsonObject ended = reply.json();
          assertTrue(ended.getBoolean("ended"), ended.toString());
          JsonObject target = ended.getJsonArray("sessions").getJsonObject(0);
          assertEquals("DONE", target.getString("state"));
          assertEquals(
              "fini é\n", target.getJsonArray("steps").getJsonObject(0).getString("stdout"));
        }
        long answered = Duration.ofNanos(System.nanoTime() - released).toMillis();
        assertTrue(answered < 10_000, "answered " + answered + " ms after the script could end");
      } finally {
        pool.shutdownNow();
      }

      // an ended run is answered at once, however long the caller would wait
      long again = System.nanoTime();
      assertTrue(api.get("/runs/" + run + "?waitMillis=60000").json().getBoolean("ended"));
      assertTrue(Duration.ofNanos(System.nanoTime() - again).toMillis() < 5000);

      // someone else's run is not found, waiting or not
      Api stranger = Api.asTechnician(Api.newTechnician("waits-stranger", "technician"));
      assertEquals(404, stranger.get("/runs/" + run + "?waitMillis=5000").status());
      assertEquals(404, stranger.get("/runs/" + run).status());
    }
  }

  @Test
  void aLaunchThatWaitsIsAnsweredWithTheResultOrWithTheRunGoingOn() throws Exception {
    String user = Api.newTechnician("launch-waits", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.joinAllowingScripts(number)) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      long quick =
          Scripts.add(
              api, CATEGORY, "Says hello " + UUID.randomUUID(), "echo bonjour à tous", null, null);

      // one call runs it and brings its result
      Api.Reply done =
          api.post(
              "/runs?waitMillis=30000",
              Scripts.launchBody(new long[] {session}, new long[] {quick}, new int[] {30}, false));
      assertEquals(200, done.status(), done.toString());
      JsonObject run = done.json();
      assertTrue(run.getBoolean("ended"), run.toString());
      JsonObject target = run.getJsonArray("sessions").getJsonObject(0);
      assertEquals("DONE", target.getString("state"), run.toString());
      assertEquals(
          "bonjour à tous\n", target.getJsonArray("steps").getJsonObject(0).getString("stdout"));
      String location = done.headers().firstValue("Location").orElseThrow();
      assertTrue(location.endsWith("/runs/" + run.getJsonNumber("id")), location);
      assertEquals(run, api.get("/runs/" + run.getJsonNumber("id")).json());

      // a run that outlasts the wait: 202 with the run as it stands; its result follows
      String gate = "/tmp/assist-launch-wait-" + UUID.randomUUID();
      long gated = gated(api, gate, "fini");
      long asked = System.nanoTime();
      Api.Reply going =
          api.post(
              "/runs?waitMillis=400",
              Scripts.launchBody(new long[] {session}, new long[] {gated}, new int[] {60}, false));
      long waited = Duration.ofNanos(System.nanoTime() - asked).toMillis();
      assertEquals(202, going.status(), going.toString());
      assertFalse(going.json().getBoolean("ended"), going.toString());
      assertTrue(waited >= 400, "waited " + waited + " ms");
      long goingId = going.json().getJsonNumber("id").longValue();
      Files.writeString(Path.of(gate), "");
      JsonObject ended = api.get("/runs/" + goingId + "?waitMillis=30000").json();
      assertTrue(ended.getBoolean("ended"), ended.toString());
      assertEquals(
          "fini\n",
          ended
              .getJsonArray("sessions")
              .getJsonObject(0)
              .getJsonArray("steps")
              .getJsonObject(0)
              .getString("stdout"));

      // a wait out of bounds launches nothing: the customer is asked nothing more
      int reported = api.get("/sessions/" + session + "/report").array().size();
      Api.Reply refused =
          api.post(
              "/runs?waitMillis=60001",
              Scripts.launchBody(new long[] {session}, new long[] {quick}, new int[] {30}, false));
      assertEquals(400, refused.status(), refused.toString());
      assertEquals("waitMillis", refused.json().getString("field"));
      assertEquals(reported, api.get("/sessions/" + session + "/report").array().size());
    }
  }

  /**
   * A script that runs until the file {@code gate} exists, then removes it and says {@code last}.
   */
  private static long gated(Api api, String gate, String last) {
    return Scripts.add(
        api,
        CATEGORY,
        "Waits for its gate " + UUID.randomUUID(),
        "while [ ! -e " + gate + " ]; do sleep 0.05; done\nrm " + gate + "\necho " + last,
        null,
        null);
  }

  @Test
  void aWaitOutsideItsBoundsIsRefusedInTheCallersLanguage() {
    Api api = Api.admin();
    Api.Reply negative = api.get("/runs/1?waitMillis=-1");
    assertEquals(400, negative.status(), negative.toString());
    assertEquals("waitMillis", negative.json().getString("field"));
    assertTrue(negative.json().getString("message").contains("60,000"), negative.toString());
    Api.Reply tooLong = api.send("GET", "/runs/1?waitMillis=60001", null, "Accept-Language", "fr");
    assertEquals(400, tooLong.status(), tooLong.toString());
    assertTrue(
        tooLong.json().getString("message").startsWith("L’attente doit être comprise"),
        tooLong.toString());
  }
}
