package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The audit log: administrative changes, refusals, sign-ins and sessions, with who and from where;
 * searched on its page and through the API, exported as CSV, and append-only in the database.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIT extends BrowserTest {

  @Test
  void changesRefusalsSignInsAndSessionsAreRecordedSearchedAndExported() throws Exception {
    Api admin = Api.admin();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    // an administrator's change
    String category = "Audit " + marker;
    assertEquals(201, admin.post("/categories", "{\"name\":\"" + category + "\"}").status());
    // a technician's session, a refused call, a failed sign-in
    String user = Api.newTechnician("audited", "technician");
    Api technician = Api.asTechnician(user);
    String number = technician.post("/sessions", "").json().getString("number");
    assertEquals(403, technician.get("/audit").status());
    assertEquals(401, Api.as(user, "not-the-password").get("/sessions").status());

    // the API finds each, newest first, with who and from where
    List<JsonObject> mine = entries(admin, "actor=" + user);
    assertTrue(has(mine, "session.start", number), mine.toString());
    assertTrue(has(mine, "refused:GET /api/v1/audit", null), mine.toString());
    assertTrue(has(mine, "sign-in.failed", null), mine.toString());
    String address = mine.get(0).getString("address", "");
    assertTrue(
        !address.isBlank()
            && mine.stream().allMatch(e -> address.equals(e.getString("address", ""))),
        mine.toString());
    List<JsonObject> created = entries(admin, "action=category.create&q=" + marker);
    assertEquals(1, created.size(), created.toString());
    assertEquals("admin", created.get(0).getString("actor"));
    Api.Reply counted = admin.get("/audit?actor=" + user + "&max=1");
    assertEquals(1, counted.array().size());
    assertEquals(
        String.valueOf(mine.size()), counted.headers().firstValue("X-Total-Count").orElse(""));
    assertEquals(400, admin.get("/audit?from=last-week").status());

    // the page: signed in (recorded too), searched, in French
    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.open("/admin/audit.xhtml?lang=fr");
    browser.type(By.id("audit:actor"), user);
    browser.click(By.id("audit:searchGo"));
    browser.waitForText(By.id("audit:table"), "Refusé : GET /api/v1/audit");
    String page = browser.text(By.id("audit:table"));
    assertTrue(page.contains("Session démarrée"), page);
    assertTrue(page.contains("Échec de connexion"), page);
    assertTrue(has(entries(admin, "actor=admin&action=sign-in"), "sign-in", null));

    // exported as CSV, as searched
    var csv =
        browser.fetch(
            browser
                .visible(By.xpath("//*[@id='audit:csv']/descendant-or-self::a"))
                .getAttribute("href"));
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\"Quand\",\"Qui\",\"Adresse\""), text);
    assertTrue(text.contains("\"" + user + "\",\"" + address + "\",\"session.start\""), text);
    assertTrue(!text.contains("category.create"), "only what was searched: " + text);

    // the database itself refuses to change or remove an entry
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> sql.executeUpdate("UPDATE audit_entry SET actor = 'someone-else'"));
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      SQLException delete =
          assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_entry"));
      assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
      assertThrows(SQLException.class, () -> sql.executeUpdate("TRUNCATE audit_entry"));
    }
    assertEquals(mine.size(), entries(admin, "actor=" + user).size());
  }

  private static List<JsonObject> entries(Api admin, String query) {
    Api.Reply reply = admin.get("/audit?max=500&" + query);
    assertEquals(200, reply.status(), reply.toString());
    return reply.array().getValuesAs(JsonObject.class);
  }

  private static boolean has(List<JsonObject> entries, String action, String target) {
    return entries.stream()
        .anyMatch(
            e ->
                e.getString("action").equals(action)
                    && (target == null || target.equals(e.getString("target", null))));
  }
}
