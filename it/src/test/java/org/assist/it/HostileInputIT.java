package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.ChatText;
import org.assist.protocol.Protocol;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Hostile input against the real server and broker, each refused with nothing changed and nothing
 * leaked: path tricks on administration and API addresses, cross-site calls, another site's live
 * connection, markup through everything people or agents name, broker connections without the right
 * credentials, guessing, and malformed or oversize bodies. Prints how many it tried.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT extends BrowserTest {
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final String EVIL = "https://evil.example";
  private static final String MARKUP =
      "<img data-hostile src=x onerror=\"window.__xss=1\"><b data-hostile>b</b>";

  /** A hostile input was tried, and refused. */
  private static void tried() {
    TRIED.incrementAndGet();
  }

  @AfterAll
  static void report() {
    System.out.println("HOSTILE INPUTS: " + TRIED.get() + " tried, every one refused");
  }

  /** What no refusal may show: administration's content, accounts, page sources, stack traces. */
  private static void leaksNothing(String body) {
    for (String secret :
        List.of(
            "addForm",
            "\"displayName\":",
            "xmlns:ui",
            "ui:composition",
            "at org.",
            "at java.",
            "Caused by",
            "Exception:")) {
      assertFalse(body.contains(secret), "leaks " + secret + ":\n" + body);
    }
  }

  @Test
  void pathTricksReachNeitherAdministrationNorAdminApi() throws Exception {
    String user = Api.newTechnician("paths", "technician");
    HttpClient console = Http.signedIn(TestServer.URL, user, Api.passwordOf(user));
    String cookie = sessionCookie(console);
    List<String> pages =
        List.of(
            "/assist/admin/technicians.xhtml",
            "/assist//admin/technicians.xhtml",
            "/assist/./admin/technicians.xhtml",
            "/assist/x/../admin/technicians.xhtml",
            "/assist/jakarta.faces.resource/../admin/technicians.xhtml",
            "/assist/join/../admin/technicians.xhtml",
            "/assist/%61dmin/technicians.xhtml",
            "/assist/admin%2ftechnicians.xhtml",
            "/assist/admin;jsessionid=x/technicians.xhtml",
            "/assist/admin/technicians.xhtml;x=y",
            "/assist/ADMIN/technicians.xhtml",
            "/assist/admin/technicians.XHTML",
            "/assist/admin/technicians.xhtml%20",
            "/assist/admin/technicians.xhtml%00",
            "/assist/admin/technicians.xhtml?x=/login.xhtml",
            "/assist/admin/technicians.xhtml/");
    for (String path : pages) {
      RawHttp.Answer answer = raw("GET", path, null, "Cookie: " + cookie);
      assertNotEquals(200, answer.status(), path + " was served");
      leaksNothing(answer.body());
      tried();
    }
    String basic = "Authorization: " + basic(user, Api.passwordOf(user));
    List<String> apis =
        List.of(
            "/assist/api/v1/technicians",
            "/assist/api/v1//technicians",
            "/assist/api/v1/./technicians",
            "/assist/api/v1/sessions/../technicians",
            "/assist/api/v1/%74echnicians",
            "/assist/api/v1/technicians;jsessionid=x",
            "/assist/api/v1/technicians/",
            "/assist/api/v1/TECHNICIANS");
    for (String path : apis) {
      RawHttp.Answer answer = raw("GET", path, null, basic);
      assertNotEquals(200, answer.status(), path + " answered a technician");
      leaksNothing(answer.body());
      tried();
      RawHttp.Answer anonymous = raw("GET", path, null);
      assertNotEquals(200, anonymous.status(), path + " answered anyone");
      leaksNothing(anonymous.body());
      tried();
    }
  }

  @Test
  void crossSiteCallsChangeNothing() throws Exception {
    String user = Api.newTechnician("csrf", "technician");
    Api api = Api.asTechnician(user);
    long session = api.post("/sessions", "").json().getJsonNumber("id").longValue();
    long script =
        Scripts.add(api, Scripts.category(), "Csrf " + UUID.randomUUID(), "exit 0", null, null);
    long technician =
        Api.admin().get("/technicians").array().getValuesAs(JsonObject.class).stream()
            .filter(t -> t.getString("username").equals(user))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    String sessionsBefore = api.get("/sessions?max=1000").body();
    String techniciansBefore = accounts();
    String scriptBefore = api.get("/scripts/" + script).body();
    String categoriesBefore = api.get("/categories").body();
    String admin = basic("admin", TestServer.ADMIN_PASSWORD);
    String mine = basic(user, Api.passwordOf(user));
    // what another site's page can send without asking first: a form or text body
    Object[][] calls = {
      {"POST", "/sessions", mine, ""},
      {"DELETE", "/sessions/" + session, mine, null},
      {"POST", "/sessions/" + session + "/system-info", mine, ""},
      {
        "POST",
        "/technicians",
        admin,
        "{\"username\":\"evil\",\"displayName\":\"E\",\"password\":\"password-1\",\"role\":\"admin\"}"
      },
      {"POST", "/technicians/" + technician + "/disable", admin, ""},
      {"POST", "/technicians/" + technician + "/enable", admin, ""},
      {"POST", "/categories", admin, "{\"name\":\"Evil\"}"},
      {"POST", "/scripts", mine, "name=Evil"},
      {"PUT", "/scripts/" + script, mine, "name=Evil"},
      {"DELETE", "/scripts/" + script, mine, null},
      {
        "POST",
        "/runs",
        mine,
        "{\"sessions\":[" + session + "],\"scripts\":[" + script + "],\"timeouts\":[10]}"
      },
    };
    for (Object[] call : calls) {
      for (String[] site :
          new String[][] {{"Origin: " + EVIL}, {"Sec-Fetch-Site: cross-site"}, {"Origin: null"}}) {
        RawHttp.Answer answer =
            raw(
                (String) call[0],
                "/assist/api/v1" + call[1],
                (String) call[3],
                "Authorization: " + call[2],
                site[0]);
        assertEquals(403, answer.status(), call[0] + " " + call[1] + " from " + site[0]);
        leaksNothing(answer.body());
        tried();
      }
    }
    assertEquals(sessionsBefore, api.get("/sessions?max=1000").body());
    assertEquals(techniciansBefore, accounts());
    assertEquals(scriptBefore, api.get("/scripts/" + script).body());
    assertEquals(categoriesBefore, api.get("/categories").body());
  }

  @Test
  void anotherSitesPageOpensNoLiveConnection() throws Exception {
    String user = Api.newTechnician("push-evil", "technician");
    browser.signIn(user, Api.passwordOf(user));
    String cookies = PushListener.cookies(browser);
    for (String origin : new String[] {EVIL, "null", TestServer.ROOT + ".evil.example"}) {
      CompletionException refused =
          assertThrows(
              CompletionException.class,
              () -> PushListener.connect(cookies, origin, "en").join(),
              origin);
      assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException);
      tried();
    }
  }

  @Test
  void markupIsKeptAsTextOrRefusedEverywhereItCanBeTyped() throws Exception {
    String user = Api.newTechnician("markup", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    try (ProtocolAgent agent = ProtocolAgent.join(number, MARKUP, MARKUP, MARKUP).connect()) {
      tried(); // computer name
      tried(); // operating system
      tried(); // user name
      agent.send(null, ChatText.fromCustomer(MARKUP));
      tried();
      String name = "Markup " + UUID.randomUUID().toString().substring(0, 8) + " " + MARKUP;
      Api.Reply added =
          api.multipart(
              "POST",
              "/scripts",
              Map.of(
                  "name",
                  name,
                  "category",
                  Scripts.category(),
                  "description",
                  MARKUP,
                  "published",
                  "true",
                  "executable",
                  new Api.Part("run.sh", "#!/bin/sh\nexit 0\n".getBytes())));
      assertEquals(201, added.status(), added.toString());
      long script = added.json().getJsonNumber("id").longValue();
      tried(); // script name
      tried(); // script description
      Api.Reply category =
          Api.admin()
              .post(
                  "/categories",
                  Json.createObjectBuilder().add("name", MARKUP + UUID.randomUUID()).build());
      assertTrue(category.status() == 201 || category.status() == 400, category.toString());
      tried();
      Api.Reply displayName =
          Api.admin()
              .post(
                  "/technicians",
                  Json.createObjectBuilder()
                      .add("username", "markup-" + UUID.randomUUID().toString().substring(0, 8))
                      .add("displayName", MARKUP)
                      .add("password", "password-123")
                      .add("role", "technician")
                      .build());
      assertEquals(400, displayName.status(), "a display name with markup is refused");
      tried();

      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + agent.sessionId);
      browser.waitForText(By.id("session:feed"), "<b data-hostile>b</b>");
      browser.waitForText(By.cssSelector(".customer .computer"), "<b data-hostile>b</b>");
      noMarkupRan();
      browser.open("/scripts/versions.xhtml?id=" + script);
      assertTrue(browser.pageText().contains(MARKUP), browser.pageText());
      noMarkupRan();
      browser.open("/scripts/list.xhtml");
      noMarkupRan();
    }
  }

  private static void noMarkupRan() {
    assertTrue(browser.driver.findElements(By.cssSelector("[data-hostile]")).isEmpty());
    assertEquals(
        null, ((JavascriptExecutor) browser.driver).executeScript("return window.__xss || null;"));
  }

  @Test
  void theBrokerRefusesAnyoneButTheAgentItself() throws Exception {
    String user = Api.newTechnician("broker", "technician");
    try (ProtocolAgent a =
            ProtocolAgent.join(
                    Api.asTechnician(user).post("/sessions", "").json().getString("number"),
                    "pc-a",
                    "Linux",
                    "a")
                .connect();
        ProtocolAgent b =
            ProtocolAgent.join(
                    Api.asTechnician(user).post("/sessions", "").json().getString("number"),
                    "pc-b",
                    "Linux",
                    "b")
                .connect()) {
      var factory = ProtocolAgent.factory();
      assertThrows(JMSException.class, () -> factory.createConnection().close(), "no credentials");
      tried();
      assertThrows(
          JMSException.class,
          () -> factory.createConnection("guest", "guest").close(),
          "WildFly's guest");
      tried();
      assertThrows(
          JMSException.class,
          () -> factory.createConnection(b.agentId, a.secret()).close(),
          "B with A's secret");
      tried();
      assertThrows(
          JMSException.class,
          () -> factory.createConnection("admin", TestServer.ADMIN_PASSWORD).close(),
          "a console account");
      tried();
      try (var asA = a.rawConnection()) {
        Session session = asA.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(
            JMSSecurityException.class,
            () -> session.createConsumer(session.createQueue(Protocol.commandQueue(b.agentId))));
        tried();
        assertThrows(
            JMSSecurityException.class,
            () ->
                session
                    .createProducer(session.createTopic(Protocol.eventTopic(b.agentId)))
                    .send(session.createBytesMessage()));
        tried();
      }
    }
  }

  @Test
  void guessingIsStopped() throws Exception {
    String from = "127.0.0.12";
    for (int i = 0; i < 20; i++) {
      try (Socket socket = RawHttp.tlsFrom(from)) {
        RawHttp.post(
            socket,
            AgentPaths.JOIN,
            AgentSecurityIT.joinBody(String.format("%09d", 400000000 + i)));
      }
    }
    String number = Api.admin().post("/sessions", "").json().getString("number");
    try (Socket socket = RawHttp.tlsFrom(from)) {
      RawHttp.Answer answer =
          RawHttp.post(socket, AgentPaths.JOIN, AgentSecurityIT.joinBody(number));
      assertEquals(429, answer.status());
      assertFalse(answer.body().contains("secret"), answer.body());
    }
    tried();

    String user = Api.newTechnician("guess", "technician");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, Api.as(user, "wrong-" + i).get("/sessions").status());
    }
    assertEquals(401, Api.asTechnician(user).get("/sessions").status(), "locked for a while");
    tried();
  }

  @Test
  void malformedAndOversizeBodiesAreRefusedClearly() throws Exception {
    String user = Api.newTechnician("bodies", "technician");
    String mine = "Authorization: " + basic(user, Api.passwordOf(user));
    String admin = "Authorization: " + basic("admin", TestServer.ADMIN_PASSWORD);
    String techniciansBefore = accounts();
    Object[][] bodies = {
      {"POST", AgentPaths.JOIN, null, "application/json", "{not json", 400},
      {"POST", AgentPaths.JOIN, null, "application/json", "[]", 400},
      {"POST", AgentPaths.JOIN, null, "application/json", "{\"number\":{\"a\":1}}", 400},
      {"POST", AgentPaths.JOIN, null, "text/plain", "123456789", 415},
      {
        "POST",
        AgentPaths.JOIN,
        null,
        "application/json",
        "{\"number\":\"" + "9".repeat(3_000_000) + "\"}",
        413
      },
      {"POST", "/assist/api/v1/technicians", admin, "application/json", "{\"username\":", 400},
      {
        "POST",
        "/assist/api/v1/technicians",
        admin,
        "application/json",
        "{\"username\":\"x\",\"displayName\":\""
            + "x".repeat(100_000)
            + "\",\"password\":\"password-123\",\"role\":\"technician\"}",
        400
      },
      {
        "POST",
        "/assist/api/v1/technicians",
        admin,
        "application/json",
        "{\"username\":\"x y\",\"displayName\":\"X\",\"password\":\"password-123\",\"role\":\"root\"}",
        400
      },
      {
        "POST",
        "/assist/api/v1/runs",
        mine,
        "application/json",
        "{\"sessions\":[1],\"scripts\":[1],\"timeouts\":[-5]}",
        400
      },
      {"POST", "/assist/api/v1/runs", mine, "application/json", "{\"sessions\":\"all\"}", 400},
      {
        "POST",
        "/assist/api/v1/categories",
        admin,
        "application/json",
        "{\"name\":\"" + "c".repeat(10_000) + "\"}",
        400
      },
    };
    for (Object[] body : bodies) {
      RawHttp.Answer answer =
          body[2] == null
              ? rawTyped((String) body[0], (String) body[1], (String) body[3], (String) body[4])
              : rawTyped(
                  (String) body[0],
                  (String) body[1],
                  (String) body[3],
                  (String) body[4],
                  (String) body[2]);
      assertEquals(
          (int) body[5],
          answer.status(),
          body[0]
              + " "
              + body[1]
              + " "
              + String.valueOf(body[4]).substring(0, Math.min(60, ((String) body[4]).length()))
              + " → "
              + answer.body());
      leaksNothing(answer.body());
      tried();
    }
    // an executable over the library's 1 MiB
    Api.Reply tooLarge =
        Api.asTechnician(user)
            .multipart(
                "POST",
                "/scripts",
                Map.of(
                    "name",
                    "Huge " + UUID.randomUUID(),
                    "category",
                    Scripts.category(),
                    "executable",
                    new Api.Part("huge.sh", new byte[1024 * 1024 + 1])));
    assertEquals(413, tooLarge.status(), tooLarge.toString());
    tried();
    assertEquals(techniciansBefore, accounts());
  }

  /** The accounts as administrators see them, but for when each last signed in. */
  private static String accounts() {
    return Api.admin().get("/technicians").body().replaceAll("\"lastSignInAt\":\"[^\"]*\",?", "");
  }

  private static RawHttp.Answer raw(String method, String path, String body, String... headers)
      throws Exception {
    return rawTyped(method, path, "text/plain", body, headers);
  }

  private static RawHttp.Answer rawTyped(
      String method, String path, String contentType, String body, String... headers)
      throws Exception {
    try (Socket socket = RawHttp.tlsFrom("127.0.0.1")) {
      return RawHttp.exchange(socket, method, path, contentType, body, headers);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String sessionCookie(HttpClient client) {
    CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
    HttpCookie session =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JSESSIONID"))
            .findFirst()
            .orElseThrow();
    return "JSESSIONID=" + session.getValue();
  }
}
