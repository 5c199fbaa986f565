package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may open what, checked over plain HTTP as a browser would send it. */
@ExtendWith(ArquillianExtension.class)
class AccessControlIT {

  private static HttpClient signedIn(String username, String password) throws Exception {
    return Http.signedIn(TestServer.URL, username, password);
  }

  private static HttpResponse<String> get(HttpClient client, String path)
      throws IOException, InterruptedException {
    return client.send(
        Http.request(TestServer.URL + path).header("Accept-Language", "en").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnauthenticatedRequestForAConsolePageGetsTheSignInPage() throws Exception {
    HttpClient anonymous = Http.client().followRedirects(HttpClient.Redirect.NORMAL).build();
    for (String page :
        new String[] {
          "/dashboard.xhtml", "/sessions/list.xhtml", "/admin/technicians.xhtml", "/"
        }) {
      HttpResponse<String> response = get(anonymous, page);
      assertTrue(response.body().contains("j_security_check"), page + " shows the sign-in form");
      assertFalse(response.body().contains("dashboard:start"), page + " shows nothing else");
    }
  }

  @Test
  void aTechnicianGets403OnAdministrationAndOnAdminOnlyApiCalls() throws Exception {
    String user = Api.newTechnician("access", "technician");
    int logged = ServerLog.length();
    HttpClient technician = signedIn(user, Api.passwordOf(user));
    assertEquals(200, get(technician, "/dashboard.xhtml").statusCode());
    assertTrue(get(technician, "/dashboard.xhtml").body().contains("dashboard:start"));
    HttpResponse<String> admin = get(technician, "/admin/technicians.xhtml");
    assertEquals(403, admin.statusCode());
    assertTrue(admin.body().contains("Access denied"), admin.body());
    assertFalse(admin.body().contains("addForm"));
    assertFalse(
        get(technician, "/dashboard.xhtml").body().contains("/admin/technicians"),
        "no Administration menu");

    Api.Reply refused =
        Api.asTechnician(user)
            .post(
                "/technicians",
                "{\"username\":\"x-"
                    + user
                    + "\",\"displayName\":\"X\",\"password\":\"password-1\",\"role\":\"admin\"}");
    assertEquals(403, refused.status());
    assertEquals("You are not allowed to do this.", refused.json().getString("message"));

    // every administration page and call
    for (String page : ADMIN_PAGES) {
      assertEquals(403, get(technician, page).statusCode(), page);
    }
    Api api = Api.asTechnician(user);
    long session = api.post("/sessions", "").json().getJsonNumber("id").longValue();
    List<Api.Reply> calls =
        List.of(
            api.get("/technicians"),
            api.post("/technicians/1/disable", ""),
            api.post("/technicians/1/enable", ""),
            api.post("/categories", "{\"name\":\"x-" + user + "\"}"),
            api.get("/server/keys"),
            api.post("/server/keys", ""),
            api.get("/policies"),
            api.send("PUT", "/policies", "{\"SESSION_IDLE_SECONDS\":60}"),
            api.get("/sessions/" + session + "/broker"),
            api.get("/audit"),
            api.getAny("/audit?format=csv"));
    for (Api.Reply call : calls) {
      assertEquals(403, call.status(), call.toString());
    }
    // refusals, not failures: the audit log has them, the server's log no error (the EJB container
    // logged each with its stack)
    String log = ServerLog.since(logged);
    assertFalse(log.contains(" ERROR "), log);
    List<String> audited =
        Database.strings(
            "select action from audit_entry where actor = ? and action like 'refused:%'", user);
    assertTrue(audited.size() >= calls.size(), audited.toString());
  }

  @Test
  void aFormFromAPageTheServerNoLongerHoldsOpensThePageAgainNothingLogged() throws Exception {
    String user = Api.newTechnician("stale", "technician");
    int logged = ServerLog.length();
    // the sign-in page left open (its view long gone), then sent: the sign-in page again
    HttpClient anonymous = Http.client().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> signIn = post(anonymous, "/login.xhtml", false);
    assertEquals(200, signIn.statusCode(), signIn.body());
    assertTrue(signIn.body().contains("j_security_check"), signIn.body());

    // a signed-in page's form and its AJAX, after the server forgot the page: the page again
    HttpClient console = signedIn(user, Api.passwordOf(user));
    HttpResponse<String> page = post(console, "/dashboard.xhtml", false);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("dashboard:start"), page.body());
    HttpResponse<String> ajax = post(console, "/dashboard.xhtml", true);
    assertEquals(200, ajax.statusCode(), ajax.body());
    assertTrue(ajax.body().contains("<redirect url=\"/assist/dashboard.xhtml\""), ajax.body());

    String log = ServerLog.since(logged);
    assertFalse(log.contains(" ERROR ") || log.contains(" SEVERE "), log);
  }

  /** A form sent with a view state the server does not have, as the browser would send it. */
  private static HttpResponse<String> post(HttpClient client, String path, boolean ajax)
      throws IOException, InterruptedException {
    String form = "form=form&jakarta.faces.ViewState=-1234%3A5678";
    HttpRequest.Builder request =
        Http.request(TestServer.URL + path)
            .header("Accept-Language", "en")
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (ajax) {
      request.header("Faces-Request", "partial/ajax");
      form += "&jakarta.faces.partial.ajax=true&jakarta.faces.source=form";
    }
    return client.send(
        request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every page of Administration. */
  private static final List<String> ADMIN_PAGES =
      List.of(
          "/admin/technicians.xhtml",
          "/admin/categories.xhtml",
          "/admin/keys.xhtml",
          "/admin/policies.xhtml",
          "/admin/audit.xhtml",
          "/admin/audit-export");

  @Test
  void anUnknownOrHiddenSessionIsNotFoundAndAnotherTechniciansScriptForbiddenNothingLogged()
      throws Exception {
    String owner = Api.newTechnician("owner", "technician");
    String other = Api.newTechnician("other", "technician");
    Api ownerApi = Api.asTechnician(owner);
    long script =
        Scripts.add(
            ownerApi,
            Scripts.category(),
            "Owned " + java.util.UUID.randomUUID(),
            "exit 0",
            null,
            null);
    long ownersSession = ownerApi.post("/sessions", "").json().getJsonNumber("id").longValue();
    int logged = ServerLog.length();

    HttpClient console = signedIn(other, Api.passwordOf(other));
    for (String page :
        new String[] {
          "/sessions/view.xhtml?id=999999999",
          "/sessions/view.xhtml?id=abc",
          "/scripts/versions.xhtml?id=999999999",
          "/sessions/view.xhtml?id=" + ownersSession,
          "/sessions/sysinfo.xhtml?session=" + ownersSession,
          "/sessions/report.xhtml?id=" + ownersSession,
          "/sessions/report-print.xhtml?id=" + ownersSession,
          "/sessions/report-export?format=pdf&id=" + ownersSession
        }) {
      HttpResponse<String> response = get(console, page);
      assertEquals(404, response.statusCode(), page);
      assertTrue(response.body().contains("There is nothing at this address."), page);
    }
    HttpResponse<String> foreign = get(console, "/scripts/edit.xhtml?id=" + script);
    assertEquals(403, foreign.statusCode());
    assertTrue(foreign.body().contains("Access denied"), foreign.body());
    assertFalse(foreign.body().contains("script:save"), "no form to save");
    String log = ServerLog.since(logged);
    assertFalse(log.contains(" ERROR "), log);
  }

  @Test
  void anAdministratorOpensAdministration() throws Exception {
    HttpClient admin = signedIn("admin", TestServer.ADMIN_PASSWORD);
    HttpResponse<String> page = get(admin, "/admin/technicians.xhtml");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("addForm"));
    assertTrue(
        get(admin, "/dashboard.xhtml").body().contains("/admin/technicians"),
        "Administration menu");
  }

  @Test
  void userNamesAreCaseInsensitiveAtSignIn() throws Exception {
    String user = Api.newTechnician("casing", "technician");
    HttpClient client = signedIn(user.toUpperCase(), Api.passwordOf(user));
    assertTrue(get(client, "/dashboard.xhtml").body().contains("dashboard:start"));
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
    String user = Api.newTechnician("lockout", "technician");
    String bystander = Api.newTechnician("bystander", "technician");
    // a right password moments before (the API remembers it for a while) does not outlast the lock
    assertEquals(200, Api.asTechnician(user).get("/sessions").status());
    for (int i = 0; i < 5; i++) {
      assertEquals(401, Api.as(user, "wrong-" + i).get("/sessions").status());
    }
    assertEquals(
        401,
        Api.asTechnician(user).get("/sessions").status(),
        "locked even with the right password");
    HttpClient console = signedIn(user, Api.passwordOf(user));
    assertTrue(
        get(console, "/dashboard.xhtml").body().contains("j_security_check"),
        "the console refuses too");
    assertEquals(
        200, Api.asTechnician(bystander).get("/sessions").status(), "others are not affected");
  }
}
