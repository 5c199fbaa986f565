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
  void adminAddsATechnicianWhoSignsInThenIsDisabledAndCannot() throws Exception {
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
    // the same sign-in also holds a live connection open
    PushListener live = PushListener.connect(PushListener.cookies(technician), null, "en").join();

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
    live.closed().get(10, java.util.concurrent.TimeUnit.SECONDS);
    java.net.http.HttpResponse<byte[]> download =
        technician.fetch(TestServer.URL + "/runs/output?step=1");
    assertTrue(
        new String(download.body(), java.nio.charset.StandardCharsets.UTF_8).contains("j_username")
            || download.statusCode() == 302,
        "downloads too ask to sign in: " + download.statusCode());
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
  void aPasswordChangedInTheConsoleStopsWorkingInTheApiAndTheOtherConsolesAtOnce()
      throws Exception {
    String user = Api.newTechnician("rotate", "technician");
    String old = Api.passwordOf(user);
    assertEquals(200, Api.as(user, old).get("/sessions").status());
    assertEquals(
        200, Api.as(user.toUpperCase(java.util.Locale.ROOT), old).get("/sessions").status());
    assertEquals(401, Api.as(user, old + "x").get("/sessions").status());
    assertEquals(401, Api.as(user, "").get("/sessions").status());

    Browser elsewhere = Browser.start();
    elsewhere.signIn(user, old);
    elsewhere.visible(By.id("dashboard:start"));
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
    try (elsewhere) {
      elsewhere.open("/sessions/list.xhtml");
      elsewhere.visible(By.id("j_username"));
    }
    browser.open("/sessions/list.xhtml");
    browser.visible(By.id("sessions:table"));
  }

  @Test
  void anAdministratorRenamesPromotesAndResetsThePasswordOfAnAccount() throws Exception {
    String user = Api.newTechnician("edited", "technician");
    long id = idOf(user);
    assertEquals(null, technician(user).getString("lastSignInAt", null), "never signed in");
    assertEquals(200, Api.asTechnician(user).get("/sessions").status());
    assertTrue(
        technician(user).getString("lastSignInAt", null) != null, "signed in through the API");
    assertEquals(403, Api.asTechnician(user).get("/technicians").status());

    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.open("/admin/technicians.xhtml?lang=en");
    By row = By.xpath("//tr[.//span[@class='username' and text()='" + user + "']]");
    browser.visible(row).findElement(By.xpath(".//button[contains(@id, ':edit')]")).click();
    browser.type(By.id("editForm:displayName"), "Renamed <b>" + user);
    browser.click(By.id("editForm:saveEdit"));
    browser.waitForText(By.id("editForm"), "without < or >");
    browser.type(By.id("editForm:displayName"), "Renamed " + user);
    browser.click(By.id("editForm:role"));
    browser.click(By.xpath("//li[@data-label='Administrator']"));
    browser.click(By.id("editForm:saveEdit"));
    browser.waitForText(row, "Renamed " + user);
    assertEquals("admin", technician(user).getString("role"));
    assertEquals(200, Api.asTechnician(user).get("/technicians").status(), "an administrator now");

    // a new password, shown once; the old one stops working; the new one must be changed first
    browser.visible(row).findElement(By.xpath(".//button[contains(@id, ':reset')]")).click();
    browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    String given = browser.text(By.id("newPassword"));
    assertTrue(given.length() >= 16, given);
    assertEquals(401, Api.asTechnician(user).get("/sessions").status());
    Api.Reply first = Api.as(user, given).get("/sessions");
    assertEquals(403, first.status(), first.toString());
    assertTrue(technician(user).getBoolean("mustChangePassword"));
    String audited =
        String.join(
            "\n",
            Database.strings(
                "select action || ' ' || coalesce(detail, '') from audit_entry where target = ?",
                user));
    assertTrue(audited.contains("technician.edit"), audited);
    assertTrue(audited.contains("technician.reset"), audited);
    assertTrue(!audited.contains(given), "the password is never in the audit log");
    assertTrue(!ServerLog.since(0).contains(given), "nor in the server's log");

    // nobody takes away their own role; bad input is refused
    long self = idOf("admin");
    Api.Reply demoted =
        Api.admin()
            .send(
                "PUT",
                "/technicians/" + self,
                "{\"displayName\":\"Admin\",\"role\":\"technician\"}");
    assertEquals(400, demoted.status(), demoted.toString());
    assertEquals(
        400,
        Api.admin()
            .send("PUT", "/technicians/" + id, "{\"displayName\":\"X\",\"role\":\"root\"}")
            .status());
    assertEquals(404, Api.admin().post("/technicians/99999999/reset-password", "").status());
  }

  private static jakarta.json.JsonObject technician(String user) {
    return Api.admin()
        .get("/technicians")
        .array()
        .getValuesAs(jakarta.json.JsonObject.class)
        .stream()
        .filter(t -> t.getString("username").equals(user))
        .findFirst()
        .orElseThrow();
  }

  private static long idOf(String user) {
    return technician(user).getJsonNumber("id").longValue();
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
