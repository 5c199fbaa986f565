package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assist.protocol.ChatText;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.SystemInfoDocument.Category;
import org.assist.protocol.SystemInfoDocument.Section;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Whatever an agent reports is shown as text: never as markup, never as script. */
@ExtendWith(ArquillianExtension.class)
class AgentInputEscapingIT extends BrowserTest {
  private static final String HOSTILE =
      "<img src=x onerror=\"window.__xss=1\"><b>bold</b><script>window.__xss=2</script>";

  @Test
  void hostileTextFromAnAgentShowsAsPlainText() throws Exception {
    String user = Api.newTechnician("escaping", "technician");
    String number = Api.asTechnician(user).post("/sessions", "").json().getString("number");
    try (ProtocolAgent agent = ProtocolAgent.join(number, HOSTILE, HOSTILE, HOSTILE).connect()) {
      browser.signIn(user, Api.passwordOf(user));
      browser.visible(By.id("dashboard:start"));
      browser.waitForText(By.cssSelector(".open-sessions .computer"), "<b>bold</b>");
      assertTrue(
          browser
              .driver
              .findElements(
                  By.cssSelector(".open-sessions .customer b, .open-sessions .customer img"))
              .isEmpty());
      assertNull(((JavascriptExecutor) browser.driver).executeScript("return window.__xss;"));

      Api.asTechnician(user).post("/sessions/" + agent.sessionId + "/system-info", "");
      String commandId = agent.nextCommand().command().id();
      agent.consent(commandId);
      SystemInfoDocument document =
          new SystemInfoDocument(
              HOSTILE,
              Instant.now(),
              List.of(
                  new Category(
                      "computer",
                      null,
                      1,
                      List.of(Section.properties(HOSTILE, List.of(List.of(HOSTILE, HOSTILE))))),
                  new Category(HOSTILE, HOSTILE, 1, List.of())));
      agent.send(commandId, document);

      browser.open("/sessions/sysinfo.xhtml?session=" + agent.sessionId);
      browser.waitForText(By.id("category-computer"), "<b>bold</b>");
      assertTrue(
          browser
              .driver
              .findElements(
                  By.cssSelector(".sysinfo-tabs b, .sysinfo-tabs img, .sysinfo-tabs script"))
              .isEmpty());
      browser.click(By.xpath("//div[contains(@class, 'sysinfo-tabs')]//li[2]"));
      browser.waitForText(By.cssSelector(".category-error"), "Not available: " + HOSTILE);
      assertNull(((JavascriptExecutor) browser.driver).executeScript("return window.__xss;"));

      String snapshot =
          Api.asTechnician(user)
              .get("/sessions/" + agent.sessionId + "/system-info")
              .json()
              .get("id")
              .toString();
      browser.open("/sessions/sysinfo-print.xhtml?snapshot=" + snapshot);
      assertTrue(browser.pageText().contains("<b>bold</b>"));
      assertTrue(browser.driver.findElements(By.cssSelector("body b, body img")).isEmpty());
      assertNull(((JavascriptExecutor) browser.driver).executeScript("return window.__xss;"));
      assertEquals(
          HOSTILE,
          Api.asTechnician(user)
              .get("/sessions/" + agent.sessionId)
              .json()
              .getString("computerName"));
    }
  }

  /** The same in a session's chat, pushed live: a customer's line, a script's output and error. */
  @Test
  void hostileChatAndOutputPushedLiveShowAsPlainText() throws Exception {
    String user = Api.newTechnician("escaping-live", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    long script =
        Scripts.add(api, Scripts.category(), "Echo " + UUID.randomUUID(), "exit 0", null, null);
    try (ProtocolAgent agent = ProtocolAgent.join(number, "pc", "Linux", "user").connect()) {
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + agent.sessionId);
      browser.visible(By.id("session:feed"));

      agent.send(null, ChatText.fromCustomer(HOSTILE));
      Scripts.launch(api, new long[] {agent.sessionId}, new long[] {script}, new int[] {10}, false);
      String command = agent.nextCommand().command().id();
      agent.consent(command);
      agent.send(command, new StepStarted(0));
      agent.send(command, new OutputChunk(0, 0, false, HOSTILE));
      agent.send(command, new StepFinished(0, null, 1, false, false, HOSTILE, null));
      browser.waitForText(By.cssSelector(".feed-finished .ending"), "<b>bold</b>");
      assertTrue(browser.text(By.cssSelector(".feed-customer .text")).contains("<b>bold</b>"));
      assertTrue(browser.text(By.cssSelector(".feed-output pre")).contains("<b>bold</b>"));
      assertTrue(
          browser
              .driver
              .findElements(By.cssSelector(".feed b, .feed img, .feed script"))
              .isEmpty());
      assertNull(((JavascriptExecutor) browser.driver).executeScript("return window.__xss;"));
    }
  }
}
