package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Technician and customer write to each other, live, in the session's chat. */
@ExtendWith(ArquillianExtension.class)
class ChatIT extends BrowserTest {
  @Test
  void messagesGoBothWaysAndStayInTheSession() throws Exception {
    String user = Api.newTechnician("chatter", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.visible(By.id("session:message"));

      browser.type(By.id("session:message"), "Hello <b>there</b> " + marker);
      browser.click(By.id("session:send"));
      agent.await("[Test " + user + "] Hello <b>there</b> " + marker, 0, Duration.ofSeconds(15));

      agent.type("Thanks, it works now " + marker);
      browser.waitForText(By.id("session:feed"), "Thanks, it works now " + marker);
      String feed = browser.text(By.id("session:feed"));
      assertTrue(
          feed.indexOf("Hello <b>there</b> " + marker)
              < feed.indexOf("Thanks, it works now " + marker),
          feed);
      assertTrue(
          browser.driver.findElements(By.cssSelector(".feed b")).isEmpty(),
          "chat text is never markup");

      browser.open("/sessions/view.xhtml?id=" + session);
      assertTrue(
          browser.text(By.id("session:feed")).contains("Thanks, it works now " + marker),
          "kept with the session");

      // ended from its page: the chat closes at once, without a reload
      JavascriptExecutor page = (JavascriptExecutor) browser.driver;
      page.executeScript("window.__sameLoad = true;");
      browser.click(By.id("session:end"));
      browser.click(By.cssSelector(".ui-confirmdialog-yes"));
      browser.waitForText(By.id("sessionState"), "Ended");
      browser.waitUntil(
          Duration.ofSeconds(10),
          d ->
              !d.findElement(By.id("session:message")).isEnabled()
                  && d.findElement(By.id("session:send")).getAttribute("disabled") != null);
      assertEquals(Boolean.TRUE, page.executeScript("return window.__sameLoad;"), "no reload");
      assertTrue(
          browser.text(By.id("session:feed")).contains("Thanks, it works now " + marker),
          "the chat stays readable");
      agent.await("The technician ended the session");
    }
  }

  /**
   * A script's long output: the chat shows its start and says where the rest is; the run's report
   * keeps all of it.
   */
  @Test
  void aLongOutputShowsItsStartInTheChatAndAllOfItInTheReport() throws Exception {
    String user = Api.newTechnician("verbose", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long script =
        Scripts.add(
            api,
            Scripts.category(),
            "Verbose " + marker,
            "echo head-"
                + marker
                + "\nhead -c 70000 /dev/zero | tr '\\000' x\necho\necho tail-"
                + marker,
            null,
            null);
    try (AgentProcess agent = AgentProcess.joinAllowingScripts(number)) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + session);
      browser.visible(By.id("session:feed"));

      long run =
          Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {30}, false);
      browser.waitForText(By.id("session:feed"), "exit code 0");
      String feed = browser.text(By.id("session:feed"));
      assertTrue(feed.contains("head-" + marker), feed);
      assertTrue(feed.contains("the chat shows the start of this output"), "says there is more");
      assertTrue(!feed.contains("tail-" + marker), "the chat shows 64 KiB of one script's output");
      String stdout =
          Scripts.awaitState(api, run, session, Duration.ofSeconds(10), "DONE")
              .getJsonArray("steps")
              .getJsonObject(0)
              .getString("stdout");
      assertTrue(stdout.contains("tail-" + marker), "the report keeps all of it");

      // the customer stops the agent: shown offline at once, with when it was last heard of
      agent.stop();
      browser.waitForText(By.cssSelector("#session\\:line .presence"), "Offline");
      assertTrue(browser.text(By.cssSelector("#session\\:line")).contains("Last seen "));
    }
  }
}
