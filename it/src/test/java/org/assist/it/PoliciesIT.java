package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The help desk's policies, changed by an administrator while the server runs and in force at once:
 * a session left idle past the policy ends by itself and the broker keeps nothing of its agent; a
 * script timeout past the longest allowed is refused.
 */
@ExtendWith(ArquillianExtension.class)
class PoliciesIT extends BrowserTest {

  @Test
  void anIdleSessionEndsByItselfAndItsBrokerResourcesAreGone() throws Exception {
    Api admin = Api.admin();
    long firstIdle = policy(admin, "SESSION_IDLE_SECONDS").getJsonNumber("value").longValue();
    String user = Api.newTechnician("idle", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      assertFalse(holdings(admin, session).isEmpty(), "the agent's queue and permissions");
      try {
        Api.Reply changed = admin.send("PUT", "/policies", "{\"SESSION_IDLE_SECONDS\":4}");
        assertEquals(200, changed.status(), changed.toString());
        // nothing happens in the session: it ends by itself, and its agent stops
        JsonObject ended = Poll.session(api, session, s -> "ENDED".equals(s.getString("state")));
        assertEquals("ENDED", ended.getString("state"));
        assertEquals(0, agent.waitForExit(Duration.ofSeconds(30)));
      } finally {
        admin.send("PUT", "/policies", "{\"SESSION_IDLE_SECONDS\":" + firstIdle + "}");
      }
      // the broker holds nothing of it any more
      Poll.until(
          Duration.ofSeconds(60),
          "the broker to let go of the session's agent",
          () -> holdings(admin, session),
          List::isEmpty);
      String report = api.getAny("/sessions/" + session + "/report?format=txt").body();
      assertTrue(report.contains("Assist  Session ended: nobody was active for 4 s"), report);
    }
  }

  @Test
  void administratorsChangePoliciesWithinTheirBoundsAndItIsAudited() throws Exception {
    Api admin = Api.admin();
    JsonObject timeout = policy(admin, "SCRIPT_TIMEOUT_MAX_SECONDS");
    long first = timeout.getJsonNumber("value").longValue();
    String user = Api.newTechnician("policy", "technician");
    Api api = Api.asTechnician(user);
    long session = api.post("/sessions", "").json().getJsonNumber("id").longValue();
    try {
      // refused as a whole: nothing changes
      assertEquals(400, admin.send("PUT", "/policies", "{\"SESSION_IDLE_SECONDS\":1}").status());
      assertEquals(400, admin.send("PUT", "/policies", "{\"NO_SUCH_POLICY\":5}").status());
      assertEquals(400, admin.send("PUT", "/policies", "{\"JOIN_MINUTES\":\"ten\"}").status());
      Api.Reply above =
          admin.send(
              "PUT",
              "/policies",
              "{\"SCRIPT_TIMEOUT_SECONDS\":120,\"SCRIPT_TIMEOUT_MAX_SECONDS\":60}");
      assertEquals(400, above.status(), above.toString());
      assertEquals(
          first, policy(admin, "SCRIPT_TIMEOUT_MAX_SECONDS").getJsonNumber("value").longValue());

      // changed through the console's page, in force for the next run at once
      browser.signIn("admin", TestServer.ADMIN_PASSWORD);
      browser.open("/admin/policies.xhtml?lang=en");
      By longest =
          By.xpath(
              "//tr[.//div[text()='Longest script timeout']]//input[contains(@id, ':value_input')]");
      // a number field that formats as one types: select what is there, then type over it
      browser.visible(longest).sendKeys(Keys.chord(Keys.CONTROL, "a"), "600");
      browser.click(By.id("policies:save"));
      browser.waitForText(By.id("policies:messages"), "Policies saved");
      assertEquals(
          600, policy(admin, "SCRIPT_TIMEOUT_MAX_SECONDS").getJsonNumber("value").longValue());
      assertEquals("admin", policy(admin, "SCRIPT_TIMEOUT_MAX_SECONDS").getString("changedBy"));
      Api.Reply tooLong =
          api.post(
              "/runs",
              "{\"sessions\":["
                  + session
                  + "],\"scripts\":[1],\"timeouts\":[900],\"stopOnFailure\":false}");
      assertEquals(400, tooLong.status(), tooLong.toString());
      assertTrue(
          tooLong.json().getString("message").contains("1 to 600 seconds"), tooLong.toString());
      assertTrue(
          Database.strings(
                  "select detail from audit_entry where action = 'policy.change'"
                      + " and actor = 'admin' and target = ?",
                  "SCRIPT_TIMEOUT_MAX_SECONDS")
              .contains(first + " → 600"));
    } finally {
      admin.send("PUT", "/policies", "{\"SCRIPT_TIMEOUT_MAX_SECONDS\":" + first + "}");
    }
  }

  @Test
  void theCustomerHasTheTimeThePolicySaysToAnswer() throws Exception {
    Api admin = Api.admin();
    long first = policy(admin, "CONSENT_TIMEOUT_SECONDS").getJsonNumber("value").longValue();
    String user = Api.newTechnician("consent", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      try {
        assertEquals(
            400, admin.send("PUT", "/policies", "{\"CONSENT_TIMEOUT_SECONDS\":2}").status());
        assertEquals(
            200, admin.send("PUT", "/policies", "{\"CONSENT_TIMEOUT_SECONDS\":17}").status());
        // the agent started long before: the server's signed request says how long, not its option
        assertEquals(202, api.post("/sessions/" + session + "/system-info", "").status());
        agent.await("(17 s)");
        agent.answerConsent(0, "n");
        Poll.reportEntries(session, "CONSENT_DECLINED", 1);
      } finally {
        admin.send("PUT", "/policies", "{\"CONSENT_TIMEOUT_SECONDS\":" + first + "}");
      }
    }
  }

  private static JsonObject policy(Api admin, String name) {
    Api.Reply all = admin.get("/policies");
    assertEquals(200, all.status(), all.toString());
    return all.array().getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> holdings(Api admin, long session) {
    Api.Reply reply = admin.get("/sessions/" + session + "/broker");
    assertEquals(200, reply.status(), reply.toString());
    return reply.array().getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}
