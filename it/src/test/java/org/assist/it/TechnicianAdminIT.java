package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Administration → Technicians in a real browser: add, duplicate refused, disable. */
@ExtendWith(ArquillianExtension.class)
class TechnicianAdminIT extends BrowserTest {
  @Test
  void adminAddsATechnicianWhoSignsInThenIsDisabledAndCannot() {
    String user = "added-" + UUID.randomUUID().toString().substring(0, 8);
    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.visible(By.id("dashboard:start"));
    browser.open("/admin/technicians.xhtml");

    addThroughDialog(user, "Added " + user, "short");
    browser.waitForText(By.id("addForm"), "at least 8 characters");

    addThroughDialog(user, "Added " + user, Api.passwordOf(user));
    By row = By.xpath("//tr[.//span[@class='username' and text()='" + user + "']]");
    browser.waitForText(row, "Added " + user);
    assertTrue(browser.visible(row).getText().contains("Yes"));
    assertEquals(200, Api.asTechnician(user).get("/sessions").status());

    Browser technician = Browser.start();
    technician.signIn(user, Api.passwordOf(user));
    technician.visible(By.id("dashboard:start"));

    addThroughDialog(user, "Someone else", Api.passwordOf(user));
    browser.waitForText(By.id("addForm"), "The user name " + user + " is already taken.");
    assertEquals(
        "Someone else",
        browser.driver.findElement(By.id("addForm:displayName")).getAttribute("value"),
        "the form keeps what was entered");
    browser.click(By.id("addForm:cancel"));

    browser.visible(row).findElement(By.xpath(".//button[contains(@id, ':disable')]")).click();
    browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    browser.settle();
    browser.waitForText(row, "No");

    assertEquals(401, Api.asTechnician(user).get("/sessions").status());
    try (technician) {
      technician.open("/sessions/list.xhtml");
      technician.visible(By.id("j_username"));
      assertTrue(
          technician.driver.findElements(By.id("sessions:table")).isEmpty(), "signed out at once");
      technician.signIn(user, Api.passwordOf(user));
      technician.visible(By.id("loginError"));
    }
  }

  @Test
  void anAdministratorCannotDisableThemself() {
    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.open("/admin/technicians.xhtml");
    By row = By.xpath("//tr[.//span[@class='username' and text()='admin']]");
    assertTrue(
        browser
            .visible(row)
            .findElements(By.xpath(".//button[contains(@id, ':disable')]"))
            .isEmpty(),
        "no Disable button on one's own row");

    long adminId =
        Api.admin().get("/technicians").array().getValuesAs(jakarta.json.JsonObject.class).stream()
            .filter(t -> t.getString("username").equals("admin"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    Api.Reply refused = Api.admin().post("/technicians/" + adminId + "/disable", "");
    assertEquals(400, refused.status());
    assertEquals("You cannot disable your own account.", refused.json().getString("message"));
    assertEquals(200, Api.admin().get("/sessions").status());
  }

  /**
   * The API remembers a checked password for a while (one bcrypt per half minute, not per call): a
   * wrong password is still refused after a right one, and a password changed on the account page
   * stops working in the API at once.
   */
  @Test
  void aPasswordChangedInTheConsoleStopsWorkingInTheApiAtOnce() {
    String user = Api.newTechnician("rotate", "technician");
    String old = Api.passwordOf(user);
    assertEquals(200, Api.as(user, old).get("/sessions").status());
    assertEquals(
        200, Api.as(user.toUpperCase(java.util.Locale.ROOT), old).get("/sessions").status());
    assertEquals(401, Api.as(user, old + "x").get("/sessions").status());
    assertEquals(401, Api.as(user, "").get("/sessions").status());

    browser.signIn(user, old);
    browser.visible(By.id("dashboard:start"));
    browser.open("/account.xhtml");
    String replacement = "Another-" + UUID.randomUUID();
    browser.type(By.id("passwordForm:currentPassword"), old);
    browser.type(By.id("passwordForm:password"), replacement);
    browser.type(By.id("passwordForm:confirmPassword"), replacement);
    browser.click(By.id("passwordForm:change"));
    browser.waitForText(By.cssSelector(".ui-growl"), "Your password has been changed.");

    assertEquals(401, Api.as(user, old).get("/sessions").status());
    assertEquals(200, Api.as(user, replacement).get("/sessions").status());
    assertEquals(401, Api.as(user, old).get("/sessions").status());
  }

  @Test
  void disablingAndEnablingThroughTheApi() {
    String user = Api.newTechnician("offboard", "technician");
    long id =
        Api.admin().get("/technicians").array().getValuesAs(jakarta.json.JsonObject.class).stream()
            .filter(t -> t.getString("username").equals(user))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    assertEquals(200, Api.asTechnician(user).get("/sessions").status());
    assertEquals(
        false,
        Api.admin().post("/technicians/" + id + "/disable", "").json().getBoolean("enabled"));
    assertEquals(401, Api.asTechnician(user).get("/sessions").status());
    assertEquals(
        403,
        Api.asTechnician(Api.newTechnician("peer", "technician"))
            .post("/technicians/" + id + "/enable", "")
            .status());
    assertEquals(
        true, Api.admin().post("/technicians/" + id + "/enable", "").json().getBoolean("enabled"));
    assertEquals(200, Api.asTechnician(user).get("/sessions").status());
  }

  private void addThroughDialog(String username, String displayName, String password) {
    if (!browser.driver.findElement(By.id("addDialog")).isDisplayed()) {
      browser.click(By.id("technicians:add"));
    }
    browser.type(By.id("addForm:username"), username);
    browser.type(By.id("addForm:displayName"), displayName);
    browser.type(By.id("addForm:password"), password);
    browser.click(By.id("addForm:save"));
    browser.settle();
  }
}
