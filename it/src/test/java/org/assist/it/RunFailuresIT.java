package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assist.it.forger.ForgerServlet;
import org.assist.protocol.Protocol;
import org.assist.protocol.RunPlan;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs that go wrong, each with a real agent: nothing is silently lost, nothing runs twice. */
@ExtendWith(ArquillianExtension.class)
class RunFailuresIT {
  private static final String CATEGORY = Scripts.category();

  @Deployment(testable = false)
  static WebArchive forger() {
    return ShrinkWrap.create(WebArchive.class, "forger.war")
        .addClass(ForgerServlet.class)
        .addPackage(Protocol.class.getPackage())
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  private record Fixture(Api api, AgentProcess agent, long session) {}

  private static Fixture customer(String prefix) {
    String user = Api.newTechnician(prefix, "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    AgentProcess agent = AgentProcess.join(number, "--no-window");
    agent.await("Connected.");
    return new Fixture(api, agent, Scripts.sessionId(api, number));
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void garbageHugeOutputStdinNonZeroAndMissingInputAllEndCleanly() throws Exception {
    Fixture f = customer("badscripts");
    try (AgentProcess agent = f.agent()) {
      long garbage =
          Scripts.add(
              f.api(),
              CATEGORY,
              unique("Garbage"),
              "head -c 20000 /dev/urandom\nprintf '\\000\\001\\033[31m'",
              null,
              null);
      long huge =
          Scripts.add(
              f.api(),
              CATEGORY,
              unique("Huge"),
              "yes 0123456789abcdef0123456789abcdef | head -c 104857600",
              null,
              null);
      long stdin =
          Scripts.add(
              f.api(),
              CATEGORY,
              unique("Reads stdin"),
              "read answer\necho got:[$answer]",
              null,
              null);
      long failing =
          Scripts.add(
              f.api(), CATEGORY, unique("Fails"), "echo about to fail >&2\nexit 7", null, null);
      long missing =
          Scripts.add(
              f.api(), CATEGORY, unique("Missing input"), "cat expected-input.txt", null, null);
      long run =
          Scripts.launch(
              f.api(),
              new long[] {f.session()},
              new long[] {garbage, huge, stdin, failing, missing},
              new int[] {30, 120, 10, 10, 10},
              false);
      agent.answerConsent(0, "y");
      JsonObject target =
          Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(150), "FAILED", "DONE");
      assertEquals("FAILED", target.getString("state"));
      List<JsonObject> steps = target.getJsonArray("steps").getValuesAs(JsonObject.class);

      assertEquals(
          0, steps.get(0).getInt("exitCode"), "garbage is just text with replacement characters");
      assertTrue(steps.get(0).getString("stdout").contains("\uFFFD"));
      assertFalse(steps.get(0).getString("stdout").contains("\u0000"));

      assertEquals(0, steps.get(1).getInt("exitCode"));
      assertTrue(steps.get(1).getBoolean("truncated"), "100 MiB of output is cut at 10 MiB");
      assertEquals(10 * 1024 * 1024, steps.get(1).getString("stdout").length());

      assertEquals(0, steps.get(2).getInt("exitCode"));
      assertEquals(
          "got:[]\n", steps.get(2).getString("stdout"), "standard input is closed, nothing waits");
      assertTrue(steps.get(2).getJsonNumber("durationMillis").longValue() < 5000);

      assertEquals(7, steps.get(3).getInt("exitCode"));
      assertEquals("FAILED", steps.get(3).getString("state"));
      assertEquals("about to fail\n", steps.get(3).getString("stderr"));

      assertEquals("FAILED", steps.get(4).getString("state"), "the run went on after the failure");
      assertTrue(steps.get(4).getString("stderr").contains("expected-input.txt"));
    }
  }

  @Test
  void stopOnFirstFailureSkipsTheRest() throws Exception {
    Fixture f = customer("stopper");
    try (AgentProcess agent = f.agent()) {
      long fails = Scripts.add(f.api(), CATEGORY, unique("Fails first"), "exit 1", null, null);
      long never =
          Scripts.add(f.api(), CATEGORY, unique("Never runs"), "echo should-not-run", null, null);
      long run =
          Scripts.launch(
              f.api(),
              new long[] {f.session()},
              new long[] {fails, never},
              new int[] {10, 10},
              true);
      agent.answerConsent(0, "y");
      JsonObject target =
          Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(30), "FAILED");
      List<JsonObject> steps = target.getJsonArray("steps").getValuesAs(JsonObject.class);
      assertEquals(1, steps.get(0).getInt("exitCode"));
      assertEquals("SKIPPED", steps.get(1).getString("state"));
      assertFalse(agent.output().contains("Running Never runs"));
    }
  }

  @Test
  void aDeclinedRunIsShownAndRecorded() throws Exception {
    Fixture f = customer("declined");
    try (AgentProcess agent = f.agent()) {
      long script = Scripts.add(f.api(), CATEGORY, unique("Declined"), "echo no", null, null);
      long run =
          Scripts.launch(
              f.api(), new long[] {f.session()}, new long[] {script}, new int[] {10}, false);
      agent.answerConsent(0, "n");
      JsonObject target =
          Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(30), "DECLINED");
      assertEquals("SKIPPED", target.getJsonArray("steps").getJsonObject(0).getString("state"));
      assertTrue(
          Database.strings(
                  "select detail from session_event where kind = 'CONSENT_DECLINED' and session_id = cast(? as bigint)",
                  String.valueOf(f.session()))
              .get(0)
              .startsWith("RUN_SCRIPTS"));
    }
  }

  /**
   * A small file travels inside the signed command, a big one is fetched by reference: a stored
   * file changed behind the server's back is refused either way, and nothing of the run starts.
   */
  @Test
  void aFileThatIsNotWhatTheServerSignedIsRefusedBeforeAnythingRuns() throws Exception {
    Fixture f = customer("tampered");
    try (AgentProcess agent = f.agent()) {
      String marker = UUID.randomUUID().toString();
      long harmless =
          Scripts.add(f.api(), CATEGORY, unique("Harmless"), "echo harmless-" + marker, null, null);
      // changed before the launch: the command carries the changed bytes and the recorded hash
      long small =
          Scripts.add(f.api(), CATEGORY, unique("Small"), "echo original-" + marker, null, null);
      tamper(small, marker);
      long first =
          Scripts.launch(
              f.api(),
              new long[] {f.session()},
              new long[] {harmless, small},
              new int[] {10, 10},
              false);
      int asked = agent.answerConsent(0, "y");
      assertRefusedBeforeAnythingRan(f, first);

      // changed after the launch: the agent fetches the changed bytes by reference
      String padding = "#" + "x".repeat(RunPlan.MAX_INLINE_BYTES) + "\n";
      long big =
          Scripts.add(
              f.api(), CATEGORY, unique("Big"), padding + "echo original-" + marker, null, null);
      long second =
          Scripts.launch(
              f.api(),
              new long[] {f.session()},
              new long[] {harmless, big},
              new int[] {10, 10},
              false);
      tamper(big, marker);
      agent.answerConsent(asked, "y");
      assertRefusedBeforeAnythingRan(f, second);
      assertFalse(agent.output().contains("Running"), agent.output());
    }
  }

  /** Someone changes a script's stored executable in the database. */
  private static void tamper(long script, String marker) throws Exception {
    try (Connection db = Database.connect();
        PreparedStatement update =
            db.prepareStatement(
                "update stored_file set content = ? where id = (select v.executable_id from script s join script_version v on v.id = s.current_version_id where s.id = ?)")) {
      update.setBytes(1, ("#!/bin/sh\necho evil-" + marker + "\n").getBytes());
      update.setLong(2, script);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static void assertRefusedBeforeAnythingRan(Fixture f, long run) throws Exception {
    JsonObject target =
        Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(30), "FAILED", "DONE");
    assertEquals("FAILED", target.getString("state"));
    assertTrue(target.getString("detail").contains("SHA-256"), target.toString());
    List<JsonObject> steps = target.getJsonArray("steps").getValuesAs(JsonObject.class);
    assertEquals("", steps.get(0).getString("stdout"), "nothing ran, not even the harmless script");
    assertTrue(steps.get(1).getString("error").contains("not the"), steps.get(1).toString());
  }

  @Test
  void anAgentThatVanishesMidRunLeavesTheRunInterruptedThenSaysWhatHappenedAndRunsNothingTwice()
      throws Exception {
    Fixture f = customer("vanish");
    AgentProcess agent = f.agent();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long slow =
        Scripts.add(
            f.api(), CATEGORY, unique("Slow"), "echo started-" + marker + "\nsleep 60", null, null);
    long run =
        Scripts.launch(
            f.api(), new long[] {f.session()}, new long[] {slow}, new int[] {120}, false);
    agent.answerConsent(0, "y");
    Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(20), "RUNNING");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!f.api().get("/runs/" + run).body().contains("started-" + marker)
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    agent.kill();
    JsonObject target =
        Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(15), "INTERRUPTED");
    JsonObject step = target.getJsonArray("steps").getJsonObject(0);
    assertEquals("INTERRUPTED", step.getString("state"));
    assertEquals("started-" + marker + "\n", step.getString("stdout"), "what came before stays");

    try (AgentProcess back = AgentProcess.rejoin(agent.stateDir(), "--no-window")) {
      back.await("Connected.");
      askedAfterEverythingBefore(f, back);
      assertFalse(
          back.output().contains("asks to run"), "the interrupted run is not started again");
      // the agent found the script it was killed in, and said so: the run says what happened
      JsonObject after =
          Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(15), "FAILED");
      JsonObject cut = after.getJsonArray("steps").getJsonObject(0);
      assertEquals("FAILED", cut.getString("state"));
      assertTrue(
          cut.getString("error").startsWith("the agent was stopped while this script ran"),
          cut.toString());
      assertEquals("started-" + marker + "\n", cut.getString("stdout"), "what came before stays");
      // the leftover folder of the killed script was removed at the start
      try (var left = java.nio.file.Files.list(agent.stateDir().resolve("runs"))) {
        assertEquals(0, left.count());
      }
    }
  }

  @Test
  void aCommandDeliveredTwiceRunsOnce() throws Exception {
    Fixture f = customer("twice");
    AgentProcess agent = f.agent();
    String agentId = agent.agentId();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long once = Scripts.add(f.api(), CATEGORY, unique("Once"), "echo ran-" + marker, null, null);
    agent.kill();
    Thread.sleep(1000);
    long run =
        Scripts.launch(f.api(), new long[] {f.session()}, new long[] {once}, new int[] {10}, false);
    HttpResponse<String> duplicated = Forger.call("duplicate?agent=" + agentId);
    assertEquals(200, duplicated.statusCode(), duplicated.body());
    try (AgentProcess back = AgentProcess.rejoin(agent.stateDir(), "--no-window")) {
      back.answerConsent(0, "y");
      JsonObject target =
          Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(30), "DONE");
      askedAfterEverythingBefore(f, back);
      assertEquals(1, back.output().split("asks to run", -1).length - 1, "asked once");
      assertEquals(1, back.output().split("Running Once", -1).length - 1, "ran once");
      assertEquals(
          "ran-" + marker + "\n",
          target.getJsonArray("steps").getJsonObject(0).getString("stdout"));
    }
  }

  /**
   * Asks the agent for something new and waits until it is asked: the agent takes its commands in
   * order, one piece of work after another, so whatever came before has been handled by then.
   */
  private static void askedAfterEverythingBefore(Fixture f, AgentProcess agent) throws Exception {
    int from = agent.lineCount();
    assertEquals(202, f.api().post("/sessions/" + f.session() + "/system-info", "").status());
    agent.await("asks to view this computer", from, Duration.ofSeconds(30));
    agent.type("n");
  }

  @Test
  void aRunForAnOfflineCustomerExpires() throws Exception {
    Fixture f = customer("expiry");
    AgentProcess agent = f.agent();
    long script = Scripts.add(f.api(), CATEGORY, unique("Expires"), "echo late", null, null);
    agent.kill();
    long run =
        Scripts.launch(
            f.api(), new long[] {f.session()}, new long[] {script}, new int[] {10}, false);
    JsonObject target =
        Scripts.awaitState(f.api(), run, f.session(), Duration.ofSeconds(40), "EXPIRED");
    assertEquals("SKIPPED", target.getJsonArray("steps").getJsonObject(0).getString("state"));
  }
}
