package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Restarting the customer's computer: the technician asks, the customer allows it, the computer
 * goes down (here the agent's {@code --reboot-command} ends its own process, as a restart would),
 * and the agent started again as boot would start it ({@code run}) rejoins the same session by
 * itself; the console shows restarting, then back.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT extends BrowserTest {
  /** Ends the agent's own process (the shell's parent), as the computer going down would. */
  private static final String REBOOT = "kill $PPID";

  @Test
  void theComputerRestartsAfterConsentAndItsAgentRejoinsTheSameSessionByItself() throws Exception {
    String user = Api.newTechnician("restart", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    Path stateDir;
    long session;
    try (AgentProcess agent =
        AgentProcess.join(number, "--no-window", "--reboot-command", REBOOT)) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      session = Scripts.sessionId(api, number);
      stateDir = agent.stateDir();

      // the page opened once the customer is online and described: no live update replaces the
      // button between the click and its confirmation
      awaitOnline(api, session);
      // the system information before the restart
      collect(api, session, agent);
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.waitForText(By.cssSelector(".customer .presence"), "Online");
      browser.click(By.id("session:restart"));
      browser.click(By.cssSelector(".ui-confirmdialog-yes"));
      browser.waitForText(By.cssSelector(".ui-growl"), "The customer is asked");

      int asked = agent.await("asks to restart this computer");
      agent.answerConsent(asked, "y");
      agent.await("Restarting the computer now");
      assertEquals(143, agent.waitForExit(Duration.ofSeconds(30)), agent.output());
    }
    awaitState(api, session, "RESTARTING");
    browser.waitForText(By.cssSelector(".customer .presence"), "Restarting");

    // the computer is back: the agent starts as boot starts it, without the number
    long booted = java.time.Instant.now().getEpochSecond();
    try (AgentProcess back =
        AgentProcess.rejoin(
            stateDir,
            java.util.Map.of("ASSIST_AGENT_SIMULATED_BOOT_TIME", String.valueOf(booted)),
            "--no-window",
            "--reboot-command",
            REBOOT)) {
      back.await("you are back in session", 0, Duration.ofSeconds(60));
      JsonObject returned = awaitState(api, session, "CONNECTED");
      assertNotNull(returned.get("lastRestartSeconds"), returned.toString());
      browser.waitForText(By.cssSelector(".customer .last-restart"), "Back after a restart of");
      browser.waitForText(By.cssSelector(".customer .presence"), "Online");
      String report = browser.pageText();
      assertTrue(report.contains("The computer is restarting"), report);
      assertTrue(report.contains("The computer is back after"), report);
      // Refresh after the restart: the report says what changed, the boot time first of all
      String after = collect(api, session, back);
      browser.open("/sessions/sysinfo-compare.xhtml?command=" + after);
      String bootRow = browser.text(By.cssSelector("tr.change-bootTime"));
      assertTrue(bootRow.startsWith("Computer Boot time"), bootRow);
      String[] times = {
        browser.text(By.cssSelector("tr.change-bootTime .before")),
        browser.text(By.cssSelector("tr.change-bootTime .after"))
      };
      assertFalse(times[0].equals(times[1]), bootRow);
      browser.open("/sessions/view.xhtml?id=" + session);
      assertTrue(
          browser.driver.findElements(By.cssSelector(".compare-link")).size() >= 2,
          "each collection in the report links to what changed");
      // the restart command was journaled before it was carried out: never a second time
      assertTrue(back.isAlive());
      assertFalse(back.output().contains("Restarting the computer"), back.output());
      assertFalse(Files.exists(stateDir.resolve("restarting")));
    }
  }

  @Test
  void aRefusalIsShownAndRecordedAndNothingRestarts() throws Exception {
    String user = Api.newTechnician("restart-no", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent =
        AgentProcess.join(number, "--no-window", "--reboot-command", REBOOT)) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      long session = Scripts.sessionId(api, number);
      Api.Reply asked = api.post("/sessions/" + session + "/restart", "");
      assertEquals(202, asked.status(), asked.toString());
      assertEquals("WAITING_FOR_CONSENT", asked.json().getString("status"));
      agent.answerConsent(agent.await("asks to restart this computer"), "n");

      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.waitForText(
          By.id("session:report"),
          "Permission declined (by the customer, once): restart the computer");
      assertEquals("CONNECTED", api.get("/sessions/" + session).json().getString("state"));
      assertTrue(agent.isAlive());
    }
  }

  @Test
  void aRestartTheSystemRefusesIsSaidAndTheSessionGoesOn() throws Exception {
    String user = Api.newTechnician("restart-fail", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent =
        AgentProcess.join(
            number, "--no-window", "--reboot-command", "echo not permitted >&2; exit 1")) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      long session = Scripts.sessionId(api, number);
      assertEquals(202, api.post("/sessions/" + session + "/restart", "").status());
      agent.answerConsent(agent.await("asks to restart this computer"), "y");
      agent.await("could not be restarted");
      awaitState(api, session, "CONNECTED");
      assertTrue(agent.isAlive());
      assertEquals(404, api.post("/sessions/99999999/restart", "").status());
    }
  }

  /**
   * An ordered run with a restart step in the middle: the scripts after it run once the computer is
   * back, in order, in the same run, without asking the customer again.
   */
  @Test
  void aRunWithARestartInTheMiddleFinishesOnceTheComputerIsBack() throws Exception {
    String user = Api.newTechnician("restart-run", "technician");
    Api api = Api.asTechnician(user);
    String category = Scripts.category();
    String marker = java.util.UUID.randomUUID().toString().substring(0, 8);
    long before =
        Scripts.add(api, category, "Before " + marker, "echo before-" + marker, null, null);
    long after = Scripts.add(api, category, "After " + marker, "echo after-" + marker, null, null);
    String number = api.post("/sessions", "").json().getString("number");
    Path policy =
        Files.writeString(
            Files.createTempDirectory("assist-policy").resolve("policy.properties"),
            "run-scripts=allow\n");
    String[] options = {
      "--no-window", "--consent-policy", policy.toString(), "--reboot-command", REBOOT
    };
    Path stateDir;
    long session;
    long run;
    try (AgentProcess agent = AgentProcess.join(number, options)) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      session = Scripts.sessionId(api, number);
      awaitOnline(api, session);
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.click(By.id("session:run"));
      browser.visible(By.id("runDialogForm:pick"));
      RunDialog.choose(browser, "Before " + marker);
      RunDialog.addRestart(browser);
      RunDialog.choose(browser, "After " + marker);
      assertEquals(
          java.util.List.of("Before " + marker, "Restart the computer", "After " + marker),
          RunDialog.chosen(browser));
      browser.click(By.id("runDialogForm:launch"));
      assertEquals(143, agent.waitForExit(Duration.ofSeconds(60)), agent.output());
      run =
          Long.parseLong(
              Database.strings(
                      "select run_id from run_target where session_id = cast(? as bigint)",
                      String.valueOf(session))
                  .get(0));
      stateDir = agent.stateDir();
    }
    JsonObject waiting = Scripts.awaitState(api, run, session, Duration.ofSeconds(10), "RUNNING");
    var steps = waiting.getJsonArray("steps");
    assertEquals("DONE", steps.getJsonObject(0).getString("state"), waiting.toString());
    assertTrue(steps.getJsonObject(0).getString("stdout").contains("before-" + marker));
    assertEquals("restart", steps.getJsonObject(1).getString("name"));
    awaitState(api, session, "RESTARTING");

    try (AgentProcess back = AgentProcess.rejoin(stateDir, options)) {
      JsonObject done =
          Scripts.awaitState(api, run, session, Duration.ofSeconds(60), "DONE", "FAILED");
      assertEquals("DONE", done.getString("state"), done.toString());
      steps = done.getJsonArray("steps");
      assertEquals("DONE", steps.getJsonObject(1).getString("state"), done.toString());
      assertEquals(0, steps.getJsonObject(1).getInt("exitCode"));
      assertEquals("DONE", steps.getJsonObject(2).getString("state"), done.toString());
      assertTrue(steps.getJsonObject(2).getString("stdout").contains("after-" + marker));
      assertNotNull(awaitState(api, session, "CONNECTED").get("lastRestartSeconds"));
      assertFalse(Files.exists(stateDir.resolve("pending-run.json")), "the run went on once");
      assertTrue(back.isAlive());
      // the session's chat shows the whole run, the restart named in it
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.waitForText(By.id("session:feed"), "after-" + marker);
      String feed = browser.text(By.id("session:feed"));
      assertTrue(
          feed.indexOf("before-" + marker) < feed.indexOf("Restart the computer")
              && feed.indexOf("Restart the computer") < feed.indexOf("after-" + marker),
          feed);
    }
  }

  /**
   * A computer shutting down stops its agent: the agent ends at once, even when its server is out
   * of reach (its goodbye is not waited for).
   */
  @Test
  void anAgentThatLostItsServerStillEndsAtOnce() throws Exception {
    String number = Api.admin().post("/sessions", "").json().getString("number");
    try (TcpRelay network = new TcpRelay()) {
      AgentProcess agent = AgentProcess.joinThrough(network.address(), number, "--no-window");
      try (agent) {
        agent.await("Connected.", 0, Duration.ofSeconds(60));
        network.close();
        agent.await("Connection to the server lost", 0, Duration.ofSeconds(60));
        long stopping = System.nanoTime();
        agent.stop();
        assertFalse(agent.isAlive(), "still running:\n" + agent.output());
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        assertTrue(took < 10_000, "it took " + took + " ms to end");
      }
    }
  }

  /**
   * Asks for the system information, the customer allows it, and waits for the collection; the
   * request's command id.
   */
  private static String collect(Api api, long session, AgentProcess agent) throws Exception {
    int from = agent.lineCount();
    String command =
        api.post("/sessions/" + session + "/system-info", "").json().getString("commandId");
    agent.answerConsent(from, "y");
    Poll.snapshot(command);
    return command;
  }

  private static void awaitOnline(Api api, long session) throws Exception {
    Poll.session(
        api, session, row -> row.getBoolean("customerOnline") && !row.isNull("computerName"));
  }

  /** Waits until the session's API state is this one; the session. */
  private static JsonObject awaitState(Api api, long session, String state) throws Exception {
    return Poll.session(api, session, row -> state.equals(row.getString("state")));
  }
}
