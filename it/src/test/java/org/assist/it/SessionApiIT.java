package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The REST API end to end, as a ticketing tool uses it. */
@ExtendWith(ArquillianExtension.class)
class SessionApiIT {

  @Test
  void withoutOrWithWrongCredentialsItIs401WithAJsonMessage() {
    Api.Reply anonymous = Api.anonymous().get("/sessions");
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertFalse(anonymous.json().getString("message").isBlank());
    assertEquals(401, Api.as("admin", "wrong-password").get("/sessions").status());
    assertEquals(401, Api.as("nobody-at-all", "whatever-1").post("/sessions", "{}").status());
  }

  @Test
  void theApiDescribesItselfAsOpenApiToAnyone() {
    Api.Reply document = Api.anonymous().getFrom("/assist/api/openapi");
    assertEquals(200, document.status(), document.toString());
    JsonObject paths = document.json().getJsonObject("paths");
    assertTrue(paths.containsKey("/v1/sessions/{id}/report"), paths.keySet().toString());
    assertTrue(paths.getJsonObject("/v1/sessions").containsKey("post"));
  }

  @Test
  void aSessionIsCreatedListedReadAndEnded() {
    String user = Api.newTechnician("api", "technician");
    Api api = Api.asTechnician(user);

    Api.Reply created = api.post("/sessions", "");
    assertEquals(201, created.status(), created.toString());
    JsonObject session = created.json();
    long id = session.getJsonNumber("id").longValue();
    assertTrue(session.getString("number").matches("[0-9]{9}"), session.toString());
    assertEquals("WAITING", session.getString("state"));
    assertEquals(user, session.getString("technician"));
    assertTrue(
        Instant.parse(session.getString("createdAt")).isAfter(Instant.now().minusSeconds(60)));
    assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/sessions/" + id));

    assertTrue(
        api.get("/sessions").array().getValuesAs(JsonObject.class).stream()
            .anyMatch(s -> s.getJsonNumber("id").longValue() == id));
    assertEquals(
        session.getString("number"), api.get("/sessions/" + id).json().getString("number"));

    Api.Reply ended = api.delete("/sessions/" + id);
    assertEquals(200, ended.status());
    assertEquals("ENDED", ended.json().getString("state"));
    assertEquals("ENDED", api.get("/sessions/" + id).json().getString("state"));
    assertEquals(200, api.delete("/sessions/" + id).status(), "ending twice is harmless");
  }

  @Test
  void aTechnicianSeesOnlyTheirOwnSessionsAndAnAdministratorSeesAll() {
    String alice = Api.newTechnician("alice", "technician");
    String bob = Api.newTechnician("bob", "technician");
    long id = Api.asTechnician(alice).post("/sessions", "").json().getJsonNumber("id").longValue();

    Api.Reply hidden = Api.asTechnician(bob).get("/sessions/" + id);
    assertEquals(404, hidden.status());
    assertFalse(hidden.json().getString("message").isBlank());
    assertEquals(404, Api.asTechnician(bob).delete("/sessions/" + id).status());
    assertTrue(
        Api.asTechnician(bob).get("/sessions").array().getValuesAs(JsonObject.class).stream()
            .noneMatch(s -> s.getJsonNumber("id").longValue() == id));
    assertEquals(
        "WAITING", Api.asTechnician(alice).get("/sessions/" + id).json().getString("state"));

    assertEquals(200, Api.admin().get("/sessions/" + id).status());
  }

  @Test
  void sessionsAreSearchedByNumberComputerAccountDatesAndState() throws Exception {
    String user = Api.newTechnician("search", "technician");
    Api api = Api.asTechnician(user);
    String waiting = api.post("/sessions", "").json().getString("number");
    String joined = api.post("/sessions", "").json().getString("number");
    JsonObject ended = api.post("/sessions", "").json();
    api.delete("/sessions/" + ended.getJsonNumber("id").longValue());
    try (AgentProcess agent = AgentProcess.join(joined, "--no-window")) {
      agent.await("Connected.");
      String host = Hosts.hostName();

      assertEquals(
          List.of(waiting),
          numbers(api, "number=" + waiting.substring(0, 3) + "+" + waiting.substring(3)));
      // part of the computer's name, in another case, finds the session its agent joined
      String part = host.substring(0, Math.min(4, host.length())).toUpperCase(Locale.ROOT);
      assertEquals(List.of(joined), numbers(api, "computer=" + part));
      assertEquals(
          List.of(joined),
          numbers(api, "account=" + System.getProperty("user.name") + "&state=CONNECTED"));
      assertEquals(List.of(ended.getString("number")), numbers(api, "state=ended"));
      String today = LocalDate.now().toString();
      assertEquals(3, numbers(api, "from=" + today + "&to=" + today).size());
      assertEquals(List.of(), numbers(api, "to=" + LocalDate.now().minusDays(1)));
      // sorted as asked, counted in all
      Api.Reply sorted = api.get("/sessions?sort=number&order=asc&max=1");
      assertEquals("3", sorted.headers().firstValue("X-Total-Count").orElse(""));
      assertEquals(1, sorted.array().size());
      // another technician finds none of them; an administrator finds them by technician
      Api other = Api.asTechnician(Api.newTechnician("search", "technician"));
      assertEquals(List.of(), numbers(other, "number=" + waiting));
      assertEquals(3, numbers(Api.admin(), "technician=" + user).size());
      // a search that cannot be read says why
      assertEquals(400, api.get("/sessions?from=yesterday").status());
      assertEquals(400, api.get("/sessions?state=LOST").status());
      // wildcards are plain text
      assertEquals(List.of(), numbers(api, "computer=%25"));
    }
  }

  private static List<String> numbers(Api api, String query) {
    Api.Reply reply = api.get("/sessions?" + query);
    assertEquals(200, reply.status(), reply.toString());
    return reply.array().getValuesAs(JsonObject.class).stream()
        .map(s -> s.getString("number"))
        .toList();
  }

  @Test
  void unknownThingsAre404AndBadInputIs400Or409() {
    assertEquals(404, Api.admin().get("/sessions/999999999").status());
    assertEquals(404, Api.admin().get("/nothing-here").status());

    String user = "dup-" + Long.toHexString(System.nanoTime());
    JsonObject technician =
        Json.createObjectBuilder()
            .add("username", user)
            .add("displayName", "Dup")
            .add("password", "password-1")
            .add("role", "technician")
            .build();
    Api.Reply added = Api.admin().post("/technicians", technician);
    assertEquals(201, added.status(), added.toString());
    assertFalse(added.body().contains("password"), "never returns the password or its hash");

    Api.Reply duplicate = Api.admin().post("/technicians", technician);
    assertEquals(409, duplicate.status());
    assertEquals("username", duplicate.json().getString("field"));
    assertTrue(duplicate.json().getString("message").contains(user));

    Api.Reply weak =
        Api.admin()
            .post(
                "/technicians",
                Json.createObjectBuilder(technician)
                    .add("username", user + "x")
                    .add("password", "short")
                    .build());
    assertEquals(400, weak.status());
    assertEquals("password", weak.json().getString("field"));

    Api.Reply role =
        Api.admin()
            .post(
                "/technicians",
                Json.createObjectBuilder(technician)
                    .add("username", user + "y")
                    .add("role", "root")
                    .build());
    assertEquals(400, role.status());
    assertEquals("role", role.json().getString("field"));

    Api.Reply malformed = Api.admin().post("/technicians", "{\"username\": ");
    assertEquals(400, malformed.status());
    assertTrue(malformed.json().getString("message").startsWith("Malformed request"));
  }

  @Test
  void errorsAreInTheCallersLanguage() throws Exception {
    java.net.http.HttpResponse<String> response =
        Http.client()
            .build()
            .send(
                Http.request(Api.BASE + "/sessions").header("Accept-Language", "fr").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(401, response.statusCode());
    assertTrue(response.body().contains("Authentification requise"), response.body());
  }

  /**
   * Ending a session revokes its agent's broker account, and the agent stops without another word:
   * a goodbye sent then would be refused, an error in the broker's log. The agent has been quiet
   * for longer than the broker keeps a permission it checked (10 s), so the broker checks again.
   */
  @Test
  void endingASessionLeavesNoRefusedMessageInTheBrokersLog() throws Exception {
    String user = Api.newTechnician("ender", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      Thread.sleep(11_000);
      int logged = ServerLog.length();
      assertEquals(200, api.delete("/sessions/" + session).status());
      agent.await("The technician ended the session");
      assertEquals(0, agent.waitForExit(java.time.Duration.ofSeconds(20)));
      // the broker has handled all the agent sent once it has seen its connection go
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
      while (api.get("/sessions/" + session).json().getBoolean("customerOnline")
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(api.get("/sessions/" + session).json().getBoolean("customerOnline"));
      String log = ServerLog.since(logged);
      assertFalse(log.contains("AMQ229032"), log);
    }
  }

  /**
   * A page of another site cannot make a technician's browser change anything through the API (the
   * browser would add their credentials), and browsers are never asked for Basic credentials (they
   * would keep them).
   */
  @Test
  void anotherSitesPageCannotChangeAnythingAndBrowsersGetNoBasicChallenge() {
    Api api = Api.asTechnician(Api.newTechnician("csrf", "technician"));
    assertEquals(403, api.send("POST", "/sessions", "", "Origin", "http://evil.example").status());
    assertEquals(403, api.send("POST", "/sessions", "", "Sec-Fetch-Site", "cross-site").status());
    assertEquals(201, api.send("POST", "/sessions", "", "Sec-Fetch-Site", "same-origin").status());
    assertEquals(201, api.send("POST", "/sessions", "", "Origin", TestServer.ROOT).status());
    assertEquals(
        200,
        api.send("GET", "/sessions", null, "Sec-Fetch-Site", "cross-site").status(),
        "reading is not changing (and the browser keeps the answer from the other site)");

    Api.Reply browser =
        Api.anonymous().send("GET", "/sessions", null, "Sec-Fetch-Mode", "navigate");
    assertEquals(401, browser.status());
    assertTrue(browser.headers().firstValue("WWW-Authenticate").isEmpty());
    Api.Reply tool = Api.anonymous().get("/sessions");
    assertEquals(401, tool.status());
    assertTrue(tool.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
  }
}
