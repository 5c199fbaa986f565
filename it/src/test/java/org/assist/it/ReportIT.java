package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A session's report as a supervisor reads it: a consented collection of the system information, a
 * declined one, a script run with its output, chat both ways; in English and in French with no
 * internal code, filtered and searched, exported as PDF and text, printed, and two collections
 * compared.
 */
@ExtendWith(ArquillianExtension.class)
class ReportIT extends BrowserTest {
  /** What no reader should ever see in a report: the codes behind its words. */
  private static final List<String> CODES =
      List.of(
          "SYSTEM_INFO",
          "RUN_SCRIPTS",
          "CONSENT_",
          "customer-for-session",
          "SCRIPT_FINISHED",
          "RUN_ENDED",
          "CHAT_MESSAGE",
          " DONE",
          "FAILED");

  @Test
  void theWholeSessionInWordsFilteredExportedAndCompared() throws Exception {
    String user = Api.newTechnician("report", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String body =
        "echo \"Résultat $(echo "
            + marker
            + "): disque plein à 42 %\"\necho 'avertissement' >&2\nsleep 1";
    String script = "Nettoyage " + marker;
    long scriptId = Scripts.add(api, Scripts.category(), script, body, null, null);

    try (AgentProcess agent = AgentProcess.joinAllowingScripts(number)) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      String host = Hosts.hostName();

      // a collection the customer allows, a run (allowed by the computer's policy), a collection
      // the customer declines, and one more they allow
      String first = collect(api, session);
      int next = agent.answerConsent(0, "y");
      Poll.snapshot(first);
      long run =
          Scripts.launch(api, new long[] {session}, new long[] {scriptId}, new int[] {60}, false);
      Scripts.awaitState(api, run, session, Duration.ofSeconds(60), "DONE");
      collect(api, session);
      next = agent.answerConsent(next, "n");
      Poll.reportEntries(session, "CONSENT_DECLINED", 1);
      String second = collect(api, session);
      agent.answerConsent(next, "y");
      Poll.snapshot(second);

      // chat both ways
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + session + "&lang=en");
      browser.type(By.id("session:message"), "Bonjour, je regarde votre disque " + marker);
      browser.click(By.id("session:send"));
      agent.await("Bonjour, je regarde votre disque " + marker, 0, Duration.ofSeconds(15));
      agent.type("Merci beaucoup " + marker);
      browser.waitForText(By.id("session:feed"), "Merci beaucoup " + marker);

      // the sessions page finds the session by its number; its row opens the report
      browser.open("/sessions/list.xhtml?lang=en");
      browser.type(By.id("sessions:number"), number.substring(0, 3) + " " + number.substring(3));
      browser.click(By.id("sessions:searchGo"));
      browser.waitUntil(
          Duration.ofSeconds(10),
          d -> d.findElements(By.cssSelector("#sessions\\:table_data > tr")).size() == 1);
      browser.click(By.cssSelector("#sessions\\:table_data [id$=':openReport']"));
      browser.visible(By.id("report:entries"));
      browser.open("/sessions/view.xhtml?id=" + session + "&lang=en");
      // and from the session's icon bar
      browser.click(By.id("session:openReport"));
      browser.visible(By.id("report:entries"));
      String english = browser.text(By.id("report:entries"));
      assertTrue(
          english.contains(
              "Permission granted (by the customer, once): view the system information"),
          english);
      assertTrue(
          english.contains(
              "Permission declined (by the customer, once): view the system information"),
          english);
      assertTrue(english.contains("Script " + script + " v1 ended: exit code 0"), english);
      assertTrue(english.contains("SHA-256 " + Scripts.sha256Of(body)), english);
      assertTrue(english.contains("Run ended: Done"), english);
      assertTrue(english.contains("Bonjour, je regarde votre disque " + marker), english);
      assertTrue(english.contains("Merci beaucoup " + marker), english);
      assertTrue(english.contains("Customer at " + host + " ("), english);
      assertTrue(english.contains("System information collected ("), english);
      noCodes(english);
      // the script's output inline, opened on demand
      WebElement output = browser.visible(By.cssSelector(".report-output summary"));
      output.click();
      browser.waitForText(
          By.cssSelector(".report-output pre"), "Résultat " + marker + ": disque plein à 42 %");
      assertTrue(browser.text(By.cssSelector(".report-output pre")).contains("avertissement"));

      // filtered by kind: the chat only (and the server takes each choice without complaint)
      int logged = ServerLog.length();
      for (WebElement label :
          browser.driver.findElements(By.xpath("//*[@id='report:groups']//label"))) {
        if (!label.getText().equals("Chat")) {
          label.click();
          browser.settle();
        }
      }
      String chatOnly = browser.text(By.id("report:entries"));
      assertTrue(chatOnly.contains("Merci beaucoup " + marker), chatOnly);
      assertFalse(chatOnly.contains("Permission"), chatOnly);
      String log = ServerLog.since(logged);
      assertFalse(log.contains("SEVERE") || log.contains("ERROR"), log);
      // searched, in everything again
      browser.open("/sessions/report.xhtml?id=" + session);
      browser.search(By.id("report:search"), "disque plein", 300);
      String found = browser.text(By.id("report:entries"));
      assertTrue(found.contains("Script " + script), found);
      assertFalse(found.contains("Permission"), found);
      browser.search(By.id("report:search"), "nothing like this " + marker, 300);
      browser.waitForText(By.id("report:entries"), "No entry matches the filter.");

      // in French
      browser.open("/sessions/report.xhtml?id=" + session + "&lang=fr");
      String french = browser.text(By.id("report:entries"));
      assertTrue(
          french.contains(
              "Autorisation accordée (par le client, une fois) : voir les informations système"),
          french);
      assertTrue(french.contains("Script " + script + " v1 terminé : code de sortie 0"), french);
      assertTrue(french.contains("Client sur " + host + " ("), french);
      assertTrue(french.contains("catégories)"), french);
      noCodes(french);

      // the PDF from the console (in the console's language): real text, with the output and hash
      var pdf =
          browser.fetch(
              browser
                  .visible(By.xpath("//*[@id='report:exportPdf']/descendant-or-self::a"))
                  .getAttribute("href"));
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
      try (PDDocument document = Loader.loadPDF(pdf.body())) {
        String text = new PDFTextStripper().getText(document);
        assertTrue(text.contains("Rapport de la session"), text);
        assertTrue(text.contains("Résultat " + marker + ": disque plein à 42 %"), text);
        assertTrue(text.contains(Scripts.sha256Of(body)), text);
        assertTrue(text.contains("Merci beaucoup " + marker), text);
        noCodes(text);
      }
      // and through the API, in English, as PDF and text
      Api.Reply apiPdf = api.getAny("/sessions/" + session + "/report?format=pdf");
      assertEquals(200, apiPdf.status(), apiPdf.toString());
      // the PDF library frees its memory-mapped fonts itself (it logged an error at the server's
      // first PDF without access to the JDK's jdk.unsupported module)
      assertFalse(ServerLog.text().contains("Unmapping is not supported"));
      Api.Reply apiText = api.getAny("/sessions/" + session + "/report?format=txt");
      assertTrue(apiText.body().contains("    | Résultat " + marker), apiText.body());
      assertTrue(apiText.body().contains("SHA-256 " + Scripts.sha256Of(body)), apiText.body());
      String json = api.get("/sessions/" + session + "/report").body();
      assertTrue(json.contains("\"group\":\"CHAT\""), json);
      assertTrue(json.contains("\"sha256\":\"" + Scripts.sha256Of(body) + "\""), json);

      // the print view: every entry, the output written out
      browser.open("/sessions/report-print.xhtml?id=" + session + "&lang=en");
      String printed = browser.pageText();
      assertTrue(printed.contains("Résultat " + marker), printed);
      assertTrue(printed.contains("Merci beaucoup " + marker), printed);

      // the first and the last collection compared: what changed is highlighted
      browser.open("/sessions/report.xhtml?id=" + session + "&lang=en");
      browser.click(By.id("report:compareGo"));
      WebElement changed = browser.visible(By.cssSelector("#changes td.after.changed"));
      assertNotEquals("rgba(0, 0, 0, 0)", changed.getCssValue("background-color"));
      assertTrue(browser.text(By.id("changes")).contains("Uptime"), browser.text(By.id("changes")));
    }
  }

  private static String collect(Api api, long session) {
    Api.Reply reply = api.post("/sessions/" + session + "/system-info", "");
    assertEquals(202, reply.status(), reply.toString());
    return reply.json().getString("commandId");
  }

  private static void noCodes(String text) {
    for (String code : CODES) {
      assertFalse(text.contains(code), code + " in:\n" + text);
    }
  }
}
