package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

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
    long second =
        Scripts.add(
            api,
            category,
            "Read input " + marker,
            "echo second-start\ncat servers.txt\nexit 4",
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
      choose("Greet " + marker);
      choose("Read input " + marker);
      assertEquals(List.of("Greet " + marker, "Read input " + marker), chosen());
      browser.click(By.id("runDialogForm:chosen:1:up"));
      browser.settle();
      assertTrue(chosen().get(0).startsWith("Read input"));
      browser.click(By.id("runDialogForm:chosen:0:down"));
      browser.settle();
      assertTrue(chosen().get(0).startsWith("Greet"), chosen().toString());
      browser.click(By.id("runDialogForm:launch"));
      browser.waitForText(By.id("workspace:progress"), "Waiting for the customer");

      int fromA = a.answerConsent(0, "y");
      int fromB = b.answerConsent(0, "y");
      browser.waitUntil(
          Duration.ofSeconds(30),
          d -> d.findElements(By.cssSelector(".progress-row .run-FAILED")).size() == 2);

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
        assertEquals(1, steps.get(0).getInt("version"));
        assertEquals(64, steps.get(1).getString("sha256").length());
        assertEquals(64, steps.get(1).getString("inputSha256").length());
        assertTrue(steps.get(0).getJsonNumber("durationMillis").longValue() >= 0);
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
      String sleeper = "sleep 3600 # " + marker;
      long hanging =
          Scripts.add(
              api,
              category,
              "Hangs " + marker,
              "sh -c '" + sleeper + "' &\n" + sleeper,
              null,
              null);
      long third =
          Scripts.launch(api, new long[] {sessionA}, new long[] {hanging}, new int[] {3}, false);
      a.answerConsent(fromA, "y");
      browser.waitForText(By.id("session:feed"), "timed out after 3 s");
      JsonObject timedOut =
          Scripts.awaitState(api, third, sessionA, Duration.ofSeconds(20), "FAILED");
      assertTrue(timedOut.getJsonArray("steps").getJsonObject(0).getBoolean("timedOut"));
      assertEquals(0, processesWith(marker), "processes left behind");
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

  private static long processesWith(String marker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    long count;
    do {
      try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
        count = all.filter(p -> p.info().commandLine().orElse("").contains(marker)).count();
      }
      if (count > 0) {
        Thread.sleep(200);
      }
    } while (count > 0 && System.nanoTime() < deadline);
    return count;
  }

  private static void choose(String name) {
    browser.click(By.id("runDialogForm:pick"));
    browser.type(By.id("runDialogForm:pick_filter"), name);
    browser.click(By.xpath("//li[@data-label='" + name + "']"));
    browser.click(By.id("runDialogForm:add"));
    browser.settle();
  }

  private static List<String> chosen() {
    return browser.waitUntil(
        Duration.ofSeconds(10),
        d ->
            d.findElements(By.cssSelector(".chosen-name")).stream()
                .map(WebElement::getText)
                .map(n -> n.replaceAll(" [0-9a-f]{6}$", ""))
                .toList());
  }
}
