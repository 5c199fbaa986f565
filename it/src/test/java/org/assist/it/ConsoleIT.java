package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A technician's day in the console, in a real browser: sign in, a session, French, sign out. */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT extends BrowserTest {
  @Test
  void theDashboardShowsTheOpenSessionsTwentyAPage() {
    String user = Api.newTechnician("busy", "technician");
    Api api = Api.asTechnician(user);
    java.util.List<String> numbers = new java.util.ArrayList<>();
    for (int i = 0; i < 23; i++) {
      numbers.add(api.post("/sessions", "").json().getString("number"));
    }
    browser.signIn(user, Api.passwordOf(user));
    browser.open("/dashboard.xhtml?lang=en");
    By rows = By.cssSelector("#dashboard\\:open_data > tr");
    assertEquals(20, browser.driver.findElements(rows).size());
    // newest first: the last one started is on the first page, the first one on the second
    String newest = org.assist.protocol.SessionNumber.display(numbers.get(22));
    String oldest = org.assist.protocol.SessionNumber.display(numbers.get(0));
    assertTrue(browser.text(By.id("dashboard:open")).contains(newest));
    browser.click(By.cssSelector("#dashboard\\:open .ui-paginator-next"));
    browser.waitForText(By.id("dashboard:open"), oldest);
    assertEquals(3, browser.driver.findElements(rows).size());
  }

  @Test
  void wrongPasswordThenSessionLifecycleThenFrenchThenSignOut() {
    String user = Api.newTechnician("console", "technician");

    browser.signIn(user, "not-the-password");
    assertTrue(browser.visible(By.id("loginError")).getText().contains("Sign-in failed"));
    assertTrue(
        browser.driver.findElements(By.id("nav")).isEmpty(), "no console after a wrong password");
    assertTrue(browser.driver.findElements(By.id("dashboard:start")).isEmpty());

    browser.signIn(user, Api.passwordOf(user));
    browser.visible(By.id("dashboard:start"));
    assertTrue(browser.pageText().contains("Signed in as Test " + user), browser.pageText());
    assertTrue(browser.pageText().contains("You have no open session"), "empty state shown");

    browser.click(By.id("dashboard:start"));
    String number = browser.visible(By.id("startedNumber")).getText();
    assertTrue(number.matches("\\d{3} \\d{3} \\d{3}"), number);
    String digits = number.replace(" ", "");

    JsonObject session =
        Api.asTechnician(user).get("/sessions").array().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("number").equals(digits))
            .findFirst()
            .orElseThrow();
    assertEquals("WAITING", session.getString("state"));

    browser.open("/sessions/list.xhtml");
    By row = By.xpath("//tr[contains(., '" + number + "')]");
    assertTrue(browser.visible(row).getText().contains("Waiting for the customer"));
    browser.visible(row).findElement(By.xpath(".//button[contains(@id, ':end')]")).click();
    browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    browser.settle();
    browser.waitForText(row, "Ended");
    assertEquals(
        "ENDED",
        Api.asTechnician(user).get("/sessions/" + session.getInt("id")).json().getString("state"));

    // an ended session's page and report are one click away from the list
    browser.click(By.xpath("//tr[contains(., '" + number + "')]//a[contains(@id, ':open')]"));
    browser.waitForText(By.id("session:report"), "Session ended");
    browser.open("/sessions/list.xhtml");

    browser.click(By.xpath("//a[contains(@href, 'lang=fr')]"));
    browser.waitForText(By.tagName("h1"), "Sessions");
    String french = browser.pageText();
    assertTrue(french.contains("Tableau de bord"), french);
    assertTrue(french.contains("Bibliothèque de scripts"), french);
    assertTrue(french.contains("Terminée"), french);
    assertTrue(french.contains("Connecté en tant que"), french);
    assertFalse(french.contains("Dashboard"), "no English label left: " + french);

    browser.click(By.xpath("//button[contains(@id, 'signOut')]"));
    WebElement username = browser.visible(By.id("j_username"));
    assertTrue(username.isDisplayed());
    assertTrue(browser.pageText().contains("Connexion"), "the language outlives the sign-out");

    browser.open("/sessions/list.xhtml");
    browser.visible(By.id("j_username"));
    assertTrue(
        browser.driver.findElements(By.id("sessions:table")).isEmpty(), "signed out for real");
  }
}
