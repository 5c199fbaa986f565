package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The customer's system information end to end: a real server, a real agent process answering at
 * its terminal prompt, a real browser.
 */
@ExtendWith(ArquillianExtension.class)
class SystemInfoIT extends BrowserTest {
  static final List<String> CATEGORIES =
      List.of(
          "Computer",
          "Processor",
          "Memory",
          "Storage",
          "Network",
          "Processes",
          "Services",
          "Installed software",
          "Displays and graphics",
          "USB devices",
          "Power and sensors",
          "Users and sessions");

  @Test
  void technicianSeesRealValuesSavesPrintsRefreshesAndIsDeclinedThenCustomerLeaves()
      throws Exception {
    String user = Api.newTechnician("sysinfo", "technician");
    browser.signIn(user, Api.passwordOf(user));
    browser.click(By.id("dashboard:start"));
    String number = browser.visible(By.id("startedNumber")).getText();

    try (AgentProcess agent = AgentProcess.join(number.replace(" ", ""), "--no-window")) {
      agent.await("Connected to");
      String host = Hosts.hostName();

      // the dashboard learns about the customer by itself (pushed, no reload)
      String rowPath = "//tr[.//a[contains(@class, 'number') and text()='" + number + "']]";
      By row = By.xpath(rowPath);
      browser.waitForText(row, host);
      browser.waitForText(row, "Online");

      browser.click(By.xpath(rowPath + "//button[contains(@id, ':sysinfo')]"));
      browser.waitForText(By.id("requestStatus"), "Waiting for the customer to allow it");
      int next = agent.answerConsent(0, "y");

      browser.visible(By.id("category-computer"));
      assertEquals(host, propertyValue("computer", "Computer name"));
      List<String> tabs =
          browser.driver.findElements(By.cssSelector(".sysinfo-tabs .ui-tabs-nav li")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(CATEGORIES, tabs);
      openTab("Memory");
      assertTrue(
          propertyValue("memory", "Total memory").endsWith("(" + Hosts.totalMemory() + " bytes)"),
          propertyValue("memory", "Total memory"));
      openTab("Computer");
      long uptimeBefore = seconds(propertyValue("computer", "Uptime"));

      // Save: one .txt with every category, named after the computer and the time
      browser.click(By.id("sysinfo:save"));
      Path saved = browser.awaitDownload(".txt");
      assertTrue(
          saved
              .getFileName()
              .toString()
              .matches(host.replaceAll("[^A-Za-z0-9._-]", "_") + "-\\d{8}-\\d{6}\\.txt"),
          saved.toString());
      String text = Files.readString(saved);
      CATEGORIES.forEach(
          category ->
              assertTrue(text.contains("\n" + category + "\n"), "saved file lacks " + category));
      assertTrue(text.contains(host));

      // Print: a print view with every category
      String printUrl = printLink().getAttribute("href");
      String sysinfoUrl = browser.driver.getCurrentUrl();
      browser.get(printUrl.replace("print=1", "print=0"));
      List<String> printed =
          browser.driver.findElements(By.cssSelector(".print-category h2")).stream()
              .map(WebElement::getText)
              .toList();
      assertEquals(CATEGORIES, printed);
      assertTrue(browser.pageText().contains(host));
      browser.get(sysinfoUrl);

      // Refresh a few seconds later: a new collection, the computer has been up longer
      Thread.sleep(3000);
      String collectedBefore = browser.text(By.id("sysinfo:collectedAt"));
      browser.click(By.id("sysinfo:refresh"));
      next = agent.answerConsent(next, "y");
      browser.waitUntil(
          Duration.ofSeconds(20),
          d -> !d.findElement(By.id("sysinfo:collectedAt")).getText().equals(collectedBefore));
      long uptimeAfter = seconds(propertyValue("computer", "Uptime"));
      assertTrue(uptimeAfter > uptimeBefore, uptimeBefore + " then " + uptimeAfter);

      // Declined: shown, and kept in the report
      browser.click(By.id("sysinfo:refresh"));
      agent.answerConsent(next, "n");
      browser.waitForText(By.id("requestStatus"), "The customer declined.");
      JsonObject session =
          Api.asTechnician(user).get("/sessions").array().getValuesAs(JsonObject.class).stream()
              .filter(s -> s.getString("number").equals(number.replace(" ", "")))
              .findFirst()
              .orElseThrow();
      long sessionId = session.getJsonNumber("id").longValue();
      assertTrue(session.getBoolean("customerOnline"));
      assertEquals(host, session.getString("computerName"));

      // the customer leaves: offline within 10 s, without reloading
      agent.stop();
      browser.waitUntil(
          Duration.ofSeconds(10),
          d -> !d.findElements(By.cssSelector(".session-line .presence-offline")).isEmpty());
      assertFalse(
          Api.asTechnician(user).get("/sessions/" + sessionId).json().getBoolean("customerOnline"));

      browser.open("/sessions/view.xhtml?id=" + sessionId);
      String report = browser.visible(By.id("session:report")).getText();
      // in words, not codes: what was asked, how it was answered, by whom
      assertTrue(report.contains("Permission declined ("), report);
      assertTrue(
          report.contains(
              "Permission granted (by the customer, once): view the system information"),
          report);
      assertFalse(report.contains("SYSTEM_INFO"), report);
      assertTrue(report.contains("Customer at " + host), report);
      browser.open("/sessions/view.xhtml?id=" + sessionId + "&lang=fr");
      String rapport = browser.visible(By.id("session:report")).getText();
      assertTrue(
          rapport.contains(
              "Autorisation accordée (par le client, une fois) : voir les informations système"),
          rapport);
      // the same report through the API, in the caller's language, and as a text file
      Api api = Api.asTechnician(user);
      Api.Reply json =
          api.send("GET", "/sessions/" + sessionId + "/report", null, "Accept-Language", "fr");
      assertEquals(200, json.status(), json.toString());
      assertTrue(
          json.body()
              .contains(
                  "Autorisation accordée (par le client, une fois) : voir les informations système"),
          json.body());
      assertTrue(json.body().contains("\"kind\":\"CONSENT_GRANTED\""), json.body());
      Api.Reply textFile = api.getAny("/sessions/" + sessionId + "/report?format=txt");
      assertEquals(200, textFile.status(), textFile.toString());
      assertTrue(textFile.body().startsWith("Report of session "), textFile.body());
      assertTrue(
          textFile
              .body()
              .contains(
                  "Customer at "
                      + host
                      + " ("
                      + System.getProperty("user.name")
                      + ")  Permission granted (by the customer, once): view the system information"),
          textFile.body());
      assertEquals(400, api.get("/sessions/" + sessionId + "/report?format=doc").status());
      assertEquals(404, Api.admin().get("/sessions/99999999/report").status());
      browser.open("/sessions/view.xhtml?id=" + sessionId + "&lang=en");
      report = browser.visible(By.id("session:report")).getText();
      assertTrue(report.contains("System information collected (12 categories)"), report);
      assertTrue(report.contains("Customer offline"), report);
    }
  }

  private static String propertyValue(String category, String label) {
    return browser.text(
        By.xpath(
            "//div[@id='category-"
                + category
                + "']//tr[th[normalize-space()='"
                + label
                + "']]/td"));
  }

  /** The Print button's link, whether PrimeFaces renders it as the element or inside it. */
  private static WebElement printLink() {
    WebElement print = browser.visible(By.id("sysinfo:print"));
    return "a".equals(print.getTagName()) ? print : print.findElement(By.tagName("a"));
  }

  private static void openTab(String title) {
    browser.click(
        By.xpath("//div[contains(@class, 'sysinfo-tabs')]//li[normalize-space()='" + title + "']"));
  }

  /** "2 d 3 h 4 min 5 s" in seconds. */
  static long seconds(String duration) {
    long total = 0;
    String[] parts = duration.trim().split("\\s+");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      long value = Long.parseLong(parts[i]);
      total +=
          switch (parts[i + 1]) {
            case "d" -> value * 86400;
            case "h" -> value * 3600;
            case "min" -> value * 60;
            default -> value;
          };
    }
    return total;
  }
}
