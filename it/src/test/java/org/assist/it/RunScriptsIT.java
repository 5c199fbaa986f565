package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assist.protocol.Sha256;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Running scripts for real: two agent processes in two sessions, one run of two scripts launched on
 * both from the multi-session window, consent on each customer's terminal, output live in the chat,
 * everything in the reports, nothing left behind; then a run that times out.
 */
@ExtendWith(ArquillianExtension.class)
class RunScriptsIT extends BrowserTest {
  @Test
  void aRunOfTwoScriptsOnTwoSessionsThenATimeoutKillsTheWholeTree() throws Exception {
    String user = Api.newTechnician("runner", "technician");
    Api api = Api.asTechnician(user);
    String category = Scripts.category();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long first =
        Scripts.add(
            api,
            category,
            "Greet " + marker,
            // stdout and stderr are two pipes: only time orders lines across them
            "echo first-" + marker + "\nsleep 0.5\necho warning-" + marker + " >&2\nexit 0",
            null,
            null);
    String readInput = "echo second-start\ncat servers.txt\nexit 4";
    long second =
        Scripts.add(
            api,
            category,
            "Read input " + marker,
            readInput,
            "servers.txt",
            "input-line-" + marker);
    String numberA = api.post("/sessions", "").json().getString("number");
    String numberB = api.post("/sessions", "").json().getString("number");

    try (AgentProcess a = AgentProcess.join(numberA, "--no-window");
        AgentProcess b = AgentProcess.join(numberB, "--no-window");
        Browser watcher = Browser.start()) {
      a.await("Connected.");
      b.await("Connected.");
      long sessionA = Scripts.sessionId(api, numberA);
      long sessionB = Scripts.sessionId(api, numberB);

      // a second window watches session A's page, open before the run and never reloaded
      watcher.signIn(user, Api.passwordOf(user));
      watcher.open("/sessions/view.xhtml?id=" + sessionA);
      JavascriptExecutor watching = (JavascriptExecutor) watcher.driver;
      watching.executeScript("window.__sameLoad = true;");

      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/workspace.xhtml");
      for (String number : List.of(numberA, numberB)) {
        String display = org.assist.protocol.SessionNumber.display(number);
        browser.click(
            By.xpath("//*[@id='workspace:selected']//label[normalize-space()='" + display + "']"));
        browser.settle();
      }
      browser.click(By.id("workspace:runSelected"));
      browser.visible(By.id("runDialogForm:pick"));
      // picked in one order, run in the other: the launch takes the order shown
      RunDialog.choose(browser, "Read input " + marker);
      RunDialog.choose(browser, "Greet " + marker);
      assertEquals(List.of("Read input " + marker, "Greet " + marker), RunDialog.chosen(browser));
      assertTrue(browser.driver.findElement(By.id("runDialogForm:chosen:0:down")).isEnabled());
      assertFalse(
          browser.driver.findElement(By.id("runDialogForm:chosen:1:down")).isEnabled(),
          "Later is off on the last row");
      assertFalse(
          browser.driver.findElement(By.id("runDialogForm:chosen:0:up")).isEnabled(),
          "Earlier is off on the first row");
      browser.click(By.id("runDialogForm:chosen:0:down"));
      browser.settle();
      assertEquals(List.of("Greet " + marker, "Read input " + marker), RunDialog.chosen(browser));
      browser.click(By.id("runDialogForm:launch"));
      browser.waitForText(By.id("workspace:progress"), "Waiting for the customer");
      // each tab is the whole session: what is typed in one's chat box stays through live updates
      By tabA = By.cssSelector("li.session-tab-" + sessionA);
      By tabB = By.cssSelector("li.session-tab-" + sessionB);
      browser.click(tabB);
      By chatB =
          By.xpath(
              "//*[contains(@class,'feed') and @data-session='"
                  + sessionB
                  + "']/following-sibling::*//input[contains(@id,':message')]");
      browser.type(chatB, "typing " + marker);

      int fromA = a.answerConsent(0, "y");
      int fromB = b.answerConsent(0, "y");
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.findElements(By.cssSelector(".progress-row .run-FAILED")).size() == 2);
      // over on both, and failed shows as failed
      browser.waitForText(By.id("progressHeading"), "Run over");
      assertEquals(
          2, browser.driver.findElements(By.cssSelector(".progress-row .bar-FAILED")).size());
      assertEquals("typing " + marker, browser.visible(chatB).getAttribute("value"));
      // session B's tab showed its output live; session A's, out of view, has a badge until shown
      By feedA = By.cssSelector(".feed[data-session='" + sessionA + "']");
      browser.waitForText(By.cssSelector(".feed[data-session='" + sessionB + "']"), "exit code 4");
      assertTrue(
          Integer.parseInt(browser.visible(tabA).getAttribute("data-news")) > 0,
          "a badge on the tab out of view");
      browser.click(tabA);
      browser.waitForText(feedA, "exit code 4");
      browser.waitUntil(
          Duration.ofSeconds(5), d -> d.findElement(tabA).getAttribute("data-news") == null);

      // the reports: versions, hashes, exit codes, output, for both sessions
      long run = api.get("/sessions/" + sessionA).status() == 200 ? latestRun(api, sessionA) : -1;
      for (long session : new long[] {sessionA, sessionB}) {
        JsonObject target = Scripts.awaitState(api, run, session, Duration.ofSeconds(5), "FAILED");
        List<JsonObject> steps = target.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals("customer", target.getString("consent"));
        assertEquals(0, steps.get(0).getInt("exitCode"));
        assertEquals("first-" + marker + "\n", steps.get(0).getString("stdout"));
        assertEquals("warning-" + marker + "\n", steps.get(0).getString("stderr"));
        assertEquals(4, steps.get(1).getInt("exitCode"));
        assertEquals("second-start\ninput-line-" + marker, steps.get(1).getString("stdout"));
        assertEquals("Greet " + marker, steps.get(0).getString("name"));
        assertEquals(1, steps.get(0).getInt("version"));
        assertEquals(Scripts.sha256Of(readInput), steps.get(1).getString("sha256"));
        assertEquals(
            Sha256.hex(("input-line-" + marker).getBytes(StandardCharsets.UTF_8)),
            steps.get(1).getString("inputSha256"));
        assertTrue(
            steps.get(0).getJsonNumber("durationMillis").longValue() >= 500,
            "the script sleeps half a second: " + steps.get(0));
      }

      // the chat showed the output live, in order, in the page open before the run; a page
      // opened now shows the same
      watcher.waitForText(By.id("session:feed"), "exit code 4");
      assertEquals(Boolean.TRUE, watching.executeScript("return window.__sameLoad;"), "no reload");
      assertChatInOrder(watcher, marker);
      browser.open("/sessions/view.xhtml?id=" + sessionA);
      assertChatInOrder(browser, marker);

      // nothing left on the customers' computers
      for (AgentProcess agent : List.of(a, b)) {
        try (Stream<java.nio.file.Path> left = Files.list(agent.stateDir().resolve("runs"))) {
          assertEquals(0, left.count(), "temporary folders left behind");
        }
      }

      // live: a third run that never ends, watched from the session page, killed with its children
      // it reports its own process, its children's and a grandchild's
      long hanging =
          Scripts.add(
              api,
              category,
              "Hangs " + marker,
              "sleep 3600 &\necho \"pid $!\"\n"
                  + "sh -c 'sleep 3600 & echo \"pid $!\"; wait' &\necho \"pid $!\"\n"
                  + "echo \"pid $$\"\nwait",
              null,
              null);
      long third =
          Scripts.launch(api, new long[] {sessionA}, new long[] {hanging}, new int[] {3}, false);
      a.answerConsent(fromA, "y");
      browser.waitForText(By.id("session:feed"), "timed out after 3 s");
      JsonObject timedOut =
          Scripts.awaitState(api, third, sessionA, Duration.ofSeconds(20), "FAILED");
      JsonObject killed = timedOut.getJsonArray("steps").getJsonObject(0);
      assertTrue(killed.getBoolean("timedOut"));
      assertEquals(List.of(), stillAlive(killed.getString("stdout")), "processes left behind");
      assertTrue(
          b.output().lines().noneMatch(l -> l.contains("Hangs")),
          "the other customer was not involved");
      fromB++;
    }
  }

  private static void assertChatInOrder(Browser in, String marker) {
    String feed = in.text(By.id("session:feed"));
    int greet = feed.indexOf("first-" + marker);
    int warning = feed.indexOf("warning-" + marker);
    int read = feed.indexOf("second-start");
    int input = feed.indexOf("input-line-" + marker);
    int end = feed.indexOf("exit code 4");
    assertTrue(
        greet >= 0 && warning > greet && read > warning && input > read && end > input, feed);
    assertTrue(feed.contains("exit code 0"), feed);
    assertTrue(
        in.driver.findElements(By.cssSelector(".feed-item.stderr pre.output")).stream()
            .anyMatch(e -> e.getText().contains("warning-" + marker)),
        "stderr is marked");
  }

  private static long latestRun(Api api, long session) throws Exception {
    try (var db = Database.connect();
        var query =
            db.prepareStatement("select max(run_id) from run_target where session_id = ?")) {
      query.setLong(1, session);
      try (var rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The processes a script reported ({@code pid N} lines) that are still alive, within 5 s. */
  private static List<Long> stillAlive(String output) throws Exception {
    List<Long> pids =
        output
            .lines()
            .filter(line -> line.startsWith("pid "))
            .map(line -> Long.parseLong(line.substring(4).strip()))
            .toList();
    assertEquals(4, pids.size(), "the script, its two children and a grandchild: " + output);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<Long> alive;
    do {
      alive =
          pids.stream()
              .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
              .toList();
      if (!alive.isEmpty()) {
        Thread.sleep(100);
      }
    } while (!alive.isEmpty() && System.nanoTime() < deadline);
    return alive;
  }
}
