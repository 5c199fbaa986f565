package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Logging in to the customer's computer as another account, end to end: the test makes a real
 * account of this computer with a password; in the browser the technician asks, the customer allows
 * it on their computer, the technician types the credentials, PAM checks them, and a script prints
 * that account's name; after the log-off it prints the agent's own again. Three wrong passwords
 * lock the action. Then the password is searched for everywhere it could have been left: the
 * server's log and data folder (broker journal, large messages, paging), every row of the database
 * and its files, the agent's state folder and output, and this test's own output. Needs root on
 * Linux (the agent switches accounts as the installed agent does, as root): CI runs so.
 */
@ExtendWith(ArquillianExtension.class)
class LogInAsIT extends BrowserTest {

  @Test
  void aTechnicianWorksAsAnotherAccountAndThePasswordIsFoundNowhere() throws Exception {
    assumeTrue(isRoot(), "switching accounts needs the agent to run as root");
    String account = "assist" + UUID.randomUUID().toString().substring(0, 6);
    // a French password, and a unique part to look for in every byte left behind
    String secret = UUID.randomUUID().toString().replace("-", "");
    String password = "Été-" + secret;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
    Path stateDir;
    String agentOutput;
    long session;
    try {
      Commands.run(List.of("useradd", "--create-home", "--shell", "/bin/sh", account));
      Commands.run(List.of("chpasswd"), account + ":" + password + "\n");

      String user = Api.newTechnician("log-in-as", "technician");
      Api api = Api.asTechnician(user);
      String category = Scripts.category();
      long whoAmI =
          Scripts.add(api, category, "Who am I " + secret.substring(0, 6), "id -un", null, null);
      Path policy =
          Files.writeString(
              Files.createTempDirectory("assist-policy").resolve("policy.properties"),
              "run-scripts=allow\n");
      String number = api.post("/sessions", "").json().getString("number");
      try (AgentProcess agent =
          AgentProcess.join(number, "--no-window", "--consent-policy", policy.toString())) {
        agent.await("Connected.", 0, Duration.ofSeconds(60));
        session = Scripts.sessionId(api, number);
        stateDir = agent.stateDir();
        Poll.session(
            api, session, row -> row.getBoolean("customerOnline") && !absent(row, "computerName"));

        // the technician asks; the customer allows it on their own computer
        browser.signIn(user, Api.passwordOf(user));
        browser.open("/sessions/view.xhtml?id=" + session);
        browser.waitForText(By.cssSelector(".customer .presence"), "Online");
        browser.click(By.id("session:logIn"));
        browser.waitForText(By.cssSelector(".ui-growl"), "The customer is asked");
        agent.answerConsent(agent.await("asks to log in to this computer as another"), "y");
        browser.waitForText(By.cssSelector(".customer .log-in-state"), "The customer allowed");

        // the credentials, in the dialog that opened by itself
        browser.type(By.id("logInForm:username"), account);
        browser.type(By.id("logInForm:password"), password);
        browser.click(By.id("logInForm:submit"));
        browser.waitForText(By.cssSelector(".ui-growl"), "Credentials sent for " + account);
        try {
          browser.waitForText(By.cssSelector(".customer .working-as"), "Working as " + account);
        } catch (RuntimeException e) {
          browser.screenshot("LogInAsIT-debug");
          throw new AssertionError(
              browser.pageText() + "\n---\n" + agent.output().replace(secret, "SECRET"), e);
        }
        agent.await("is working on this computer as " + account);
        assertEquals(account, api.get("/sessions/" + session).json().getString("workingAs"));

        // a script prints that account's name
        assertEquals(account, runAndRead(api, session, whoAmI));

        // the system information names the account, its home and shell (no prompt: the customer
        // allowed the technician to work as it)
        String command =
            api.post("/sessions/" + session + "/system-info", "").json().getString("commandId");
        String document = Poll.snapshot(command);
        assertTrue(document.contains("\"workingAs\",\"" + account + "\""), document);
        assertTrue(document.contains("/home/" + account), document);

        // the customer's chat is suspended meanwhile
        int typed = agent.lineCount();
        agent.type("bonjour ?");
        agent.await("Chat is suspended", typed, Duration.ofSeconds(30));

        // log off: the customer is back, and the script prints the agent's own account again
        browser.click(By.id("session:logOff"));
        agent.await("you are back in the session");
        Poll.session(api, session, row -> absent(row, "workingAs") && absent(row, "logInState"));
        assertEquals(System.getProperty("user.name"), runAndRead(api, session, whoAmI));

        // three wrong passwords in a row lock the action (through the API, as the dialog does)
        JsonObject wrong =
            Json.createObjectBuilder()
                .add("username", account)
                .add("password", "faux-" + secret.substring(0, 4))
                .build();
        Api.Reply first = api.post("/sessions/" + session + "/log-in-as", wrong);
        assertEquals(202, first.status(), first.toString());
        agent.answerConsent(
            agent.await(
                "asks to log in to this computer as another", typed, Duration.ofSeconds(30)),
            "y");
        Poll.reportEntries(session, "LOG_IN_FAILED", 1);
        for (int failure = 2; failure <= 3; failure++) {
          assertEquals(202, api.post("/sessions/" + session + "/log-in-as", wrong).status());
          Poll.reportEntries(session, "LOG_IN_FAILED", failure);
        }
        Api.Reply locked = api.post("/sessions/" + session + "/log-in-as", wrong);
        assertEquals(400, locked.status(), locked.toString());
        assertTrue(locked.body().contains("Too many wrong passwords"), locked.body());
        JsonObject row = api.get("/sessions/" + session).json();
        assertFalse(absent(row, "logInBlockedUntil"), row.toString());
        assertEquals(
            "the operating system refused the user name or password", row.getString("logInNote"));

        // the report holds every step, in words, and no password
        browser.open("/sessions/view.xhtml?id=" + session);
        String report = reportText();
        for (String step :
            List.of(
                "Permission asked: log in as another user",
                "Permission granted (by the customer, once): log in as another user",
                "Credentials sent to log in as " + account,
                "Working as " + account + " on the customer’s computer",
                "Log-off asked: asked by the technician",
                "Logged off from " + account,
                "Log-in refused: " + account,
                "Three wrong passwords in a row")) {
          assertTrue(report.contains(step), step + " missing from the report:\n" + report);
        }
        assertEquals(400, api.post("/sessions/" + session + "/log-off", "").status());
        assertEquals(200, api.delete("/sessions/" + session).status());
        agent.waitForExit(Duration.ofSeconds(30));
        agentOutput = agent.output();
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      Commands.run(List.of("userdel", "--remove", account));
    }

    // the password, anywhere?
    List<String> found = new ArrayList<>();
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    if (ServerLog.text().contains(secret)) {
      found.add("the server log");
    }
    found.addAll(filesHolding(ServerLog.home().resolve("standalone/data"), needle));
    found.addAll(filesHolding(ServerLog.home().resolve("standalone/log"), needle));
    found.addAll(filesHolding(stateDir, needle));
    found.addAll(rowsHolding(secret));
    String databaseFiles = System.getProperty("assist.test.db.dir");
    if (databaseFiles != null && Files.isDirectory(Path.of(databaseFiles))) {
      found.addAll(filesHolding(Path.of(databaseFiles), needle));
    }
    if (agentOutput.contains(secret)) {
      found.add("the agent's output");
    }
    if (printed.toString(StandardCharsets.UTF_8).contains(secret)) {
      found.add("the test's output");
    }
    assertTrue(found.isEmpty(), "the password was found in " + found);
    assertTrue(
        Files.exists(ServerLog.home().resolve("standalone/data/activemq/journal")),
        "the broker's journal was searched");
  }

  /**
   * Nobody left to watch: the technician's console closes, or the agent loses its server longer
   * than {@code --log-off-after}; either way the computer is given back to its customer.
   */
  @Test
  void theComputerIsGivenBackWhenTheConsoleClosesOrTheServerIsLost() throws Exception {
    assumeTrue(isRoot(), "switching accounts needs the agent to run as root");
    String account = "assist" + UUID.randomUUID().toString().substring(0, 6);
    String password = UUID.randomUUID().toString();
    try (TcpRelay network = new TcpRelay()) {
      Commands.run(List.of("useradd", "--create-home", "--shell", "/bin/sh", account));
      Commands.run(List.of("chpasswd"), account + ":" + password + "\n");
      String user = Api.newTechnician("log-off", "technician");
      Api api = Api.asTechnician(user);
      Path policy =
          Files.writeString(
              Files.createTempDirectory("assist-policy").resolve("policy.properties"),
              "log-in-as=allow\n");
      String number = api.post("/sessions", "").json().getString("number");
      JsonObject credentials =
          Json.createObjectBuilder().add("username", account).add("password", password).build();
      try (AgentProcess agent =
          AgentProcess.joinThrough(
              network.address(),
              number,
              "--no-window",
              "--consent-policy",
              policy.toString(),
              "--log-off-after",
              "2")) {
        agent.await("Connected.", 0, Duration.ofSeconds(60));
        long session = Scripts.sessionId(api, number);
        Poll.session(api, session, row -> row.getBoolean("customerOnline"));

        // the console closes (the browser leaves it) and stays closed
        browser.signIn(user, Api.passwordOf(user));
        browser.open("/sessions/view.xhtml?id=" + session);
        assertEquals(202, api.post("/sessions/" + session + "/log-in-as", credentials).status());
        browser.waitForText(By.cssSelector(".customer .working-as"), "Working as " + account);
        int from = agent.lineCount();
        browser.get("about:blank");
        agent.await("you are back in the session", from, Duration.ofSeconds(60));
        Poll.session(api, session, row -> absent(row, "workingAs"));

        // the server is out of reach longer than --log-off-after: the agent gives the computer
        // back by itself, and says so to the server once it is back
        assertEquals(202, api.post("/sessions/" + session + "/log-in-as", credentials).status());
        Poll.session(api, session, row -> account.equals(row.getString("workingAs", null)));
        from = agent.lineCount();
        network.cut();
        agent.await("you are back in the session", from, Duration.ofSeconds(60));
        assertEquals(account, api.get("/sessions/" + session).json().getString("workingAs"));
        network.restore();
        Poll.session(api, session, row -> absent(row, "workingAs"));
        List<String> said =
            Database.strings(
                "select detail from session_event where kind in ('LOG_OFF_ASKED', 'LOGGED_OFF')"
                    + " and session_id = cast(? as bigint) order by id",
                String.valueOf(session));
        assertTrue(said.contains("the technician's console closed"), said.toString());
        assertTrue(said.contains(account + " (server out of reach)"), said.toString());
      }
    } finally {
      Commands.run(List.of("userdel", "--remove", account));
    }
  }

  /** The agent's scripts while it cannot switch accounts: the technician is told why. */
  @Test
  void anAgentThatCannotSwitchAccountsSaysWhy() throws Exception {
    String number = Api.admin().post("/sessions", "").json().getString("number");
    Api api = Api.admin();
    try (AgentProcess agent = AgentProcess.join(number, "--no-window")) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      long session = Scripts.sessionId(api, number);
      Poll.session(api, session, row -> row.getBoolean("customerOnline"));
      assertEquals(404, api.post("/sessions/99999999/log-in-as", "").status());
      Api.Reply malformed =
          api.post(
              "/sessions/" + session + "/log-in-as",
              Json.createObjectBuilder().add("username", "x").build());
      assertEquals(400, malformed.status(), malformed.toString());
      if (isRoot()) {
        return;
      }
      assertEquals(202, api.post("/sessions/" + session + "/log-in-as", "").status());
      JsonObject row = Poll.session(api, session, r -> !absent(r, "logInNote"));
      assertTrue(
          row.getString("logInNote").contains("install the agent as a service"), row.toString());
      assertTrue(absent(row, "logInState"), row.toString());
    }
  }

  /** Every page of the session's report, in the browser. */
  private String reportText() {
    StringBuilder text = new StringBuilder(browser.text(By.id("session:report")));
    int pages =
        browser
            .driver
            .findElements(
                By.cssSelector("[id='session:report'] .ui-paginator-pages .ui-paginator-page"))
            .size();
    for (int page = 1; page < pages; page++) {
      browser.click(
          By.xpath(
              "//*[@id='session:report']//*[contains(@class,'ui-paginator-page') and text()='"
                  + page
                  + "']"));
      browser.waitForText(
          By.cssSelector("[id='session:report'] .ui-paginator-page.ui-state-active"),
          String.valueOf(page));
      text.append('\n').append(browser.text(By.id("session:report")));
    }
    return text.toString();
  }

  /** Null fields are left out of the API's JSON. */
  private static boolean absent(JsonObject row, String field) {
    return !row.containsKey(field) || row.isNull(field);
  }

  private static String runAndRead(Api api, long session, long script) throws Exception {
    long run =
        Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {60}, false);
    JsonObject done =
        Scripts.awaitState(api, run, session, Duration.ofSeconds(60), "DONE", "FAILED");
    assertEquals("DONE", done.getString("state"), done.toString());
    return done.getJsonArray("steps").getJsonObject(0).getString("stdout").strip();
  }

  /** The files under this folder whose bytes hold the needle. */
  private static List<String> filesHolding(Path folder, byte[] needle) throws IOException {
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(file);
        } catch (IOException e) {
          continue; // a file removed meanwhile (a journal compacting)
        }
        if (indexOf(bytes, needle) >= 0) {
          found.add(file.toString());
        }
      }
    }
    return found;
  }

  /** The database tables one of whose rows holds the text. */
  private static List<String> rowsHolding(String text) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection db = Database.connect();
        Statement sql = db.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          sql.executeQuery(
              "select table_name from information_schema.tables"
                  + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      assertTrue(tables.contains("session_event"), tables.toString());
      for (String table : tables) {
        try (ResultSet rows =
            sql.executeQuery(
                "select count(*) from \"" + table + "\" t where t::text like '%" + text + "%'")) {
          rows.next();
          if (rows.getLong(1) > 0) {
            found.add("table " + table);
          }
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
          && Files.isExecutable(Path.of("/usr/sbin/useradd"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Writes to the console and keeps a copy, to search this test's own output. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream console, ByteArrayOutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      console.write(b);
      copy.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      console.write(bytes, offset, length);
      copy.write(bytes, offset, length);
    }
  }
}
