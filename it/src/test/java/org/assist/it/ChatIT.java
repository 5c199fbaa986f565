package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

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
    }
  }
}
