package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.PreparedAgent;
import org.assist.protocol.SessionNumber;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The customer portal: the customer types the number, downloads the agent prepared for this server,
 * starts it without typing anything else, and it trusts this server only.
 */
@ExtendWith(ArquillianExtension.class)
class CustomerPortalIT extends BrowserTest {
  private static final Pattern VIEW_STATE =
      Pattern.compile("jakarta\\.faces\\.ViewState[^>]*value=\"([^\"]+)\"");

  @Test
  void theDownloadedAgentJoinsByItselfAndRefusesAnImpostor() throws Exception {
    String user = Api.newTechnician("portal", "technician");
    Api api = Api.asTechnician(user);
    JsonObject session = api.post("/sessions", "").json();
    String digits = session.getString("number");
    long id = session.getJsonNumber("id").longValue();

    // the portal is public: no sign-in, its address as the issue names it
    browser.get(TestServer.URL + "/join");
    assertTrue(browser.pageText().contains("Get help from your technician"), browser.pageText());
    browser.type(By.id("portal:number"), "999 999 999");
    browser.click(By.id("portal:download"));
    browser.waitForText(By.cssSelector(".login-error"), "No session is waiting for this number");

    browser.type(By.id("portal:number"), SessionNumber.display(digits));
    browser.click(By.id("portal:download"));
    Path zip = browser.awaitDownload(".zip");
    assertEquals("assist-agent-" + digits + ".zip", zip.getFileName().toString());

    Path folder = unzip(zip).resolve("assist-agent-" + digits);
    for (String file :
        List.of(
            "assist-agent.jar",
            "assist-agent.sh",
            "assist-agent.cmd",
            "README.txt",
            PreparedAgent.FILE)) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file);
    }
    PreparedAgent prepared;
    try (Reader reader = Files.newBufferedReader(folder.resolve(PreparedAgent.FILE))) {
      prepared = PreparedAgent.read(reader);
    }
    assertEquals(TestServer.ROOT, prepared.server().toString());
    assertEquals(TestTls.pin().fingerprint(), prepared.identity().certificate());
    assertEquals(digits, prepared.number());
    String identity = Api.anonymous().getFrom(AgentPaths.IDENTITY).json().getString("signingKey");
    assertEquals(identity, prepared.identity().signingKey());

    // started with no arguments, it joins the session over TLS
    try (AgentProcess agent =
        AgentProcess.fromPortal(folder, Files.createTempDirectory("assist-customer"))) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      // the technician sees the customer on the session's page
      browser.signIn(user, Api.passwordOf(user));
      browser.open("/sessions/view.xhtml?id=" + id);
      browser.waitForText(By.cssSelector(".customer .presence"), "Online");
    }

    // the same agent, when its server's name leads to another server, refuses it and says why
    try (Impostor impostor = Impostor.start()) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(folder.resolve(PreparedAgent.FILE))) {
        properties.load(reader);
      }
      properties.setProperty("server", impostor.address());
      try (Writer writer = Files.newBufferedWriter(folder.resolve(PreparedAgent.FILE))) {
        properties.store(writer, null);
      }
      try (AgentProcess agent =
          AgentProcess.fromPortal(folder, Files.createTempDirectory("assist-customer"))) {
        assertEquals(3, agent.waitForExit(Duration.ofSeconds(60)), agent.output());
        String said = agent.output();
        assertTrue(said.contains("is not the one this agent trusts"), said);
        assertTrue(said.contains(impostor.fingerprint), said);
        assertTrue(said.contains(TestTls.pin().fingerprint()), said);
      }
      assertEquals(0, impostor.requests(), "the impostor was sent nothing");
    }
  }

  /** Wrong numbers typed into the portal count against the address exactly as wrong joins do. */
  /**
   * On Linux the portal also hands out the agent with its own runtime: the customer needs no Java;
   * unpacked and started with no arguments, it joins the session by itself.
   */
  @Test
  void theLinuxDownloadNeedsNoJavaAndJoinsByItself() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(
            Path.of(System.getProperty("assist.agent.jar"))
                .resolveSibling("assist-agent-linux-x64.tar.gz")),
        "the Linux package is built on Linux x64 only");
    Api api = Api.admin();
    JsonObject session = api.post("/sessions", "").json();
    String digits = session.getString("number");
    long id = session.getJsonNumber("id").longValue();
    browser.get(TestServer.URL + "/join?lang=fr");
    assertTrue(browser.pageText().contains("sans Java"), browser.pageText());
    browser.get(TestServer.URL + "/join?lang=en");
    browser.type(By.id("portal:number"), digits);
    browser.click(By.id("portal:downloadLinux"));
    Path archive = browser.awaitDownload(".tar.gz");
    assertEquals("assist-agent-" + digits + "-linux-x64.tar.gz", archive.getFileName().toString());
    Path folder = Files.createTempDirectory("assist-linux-download");
    Commands.run(List.of("tar", "-xzf", archive.toString(), "-C", folder.toString()));
    assertTrue(Files.isRegularFile(folder.resolve("assist-agent/README.txt")));
    Path home = Files.createTempDirectory("assist-customer");
    try (AgentProcess agent =
        AgentProcess.command(
            List.of(folder.resolve("assist-agent/bin/assist-agent").toString()),
            home.resolve(".assist-agent"),
            java.util.Map.of(
                "HOME",
                home.toString(),
                "JAVA_TOOL_OPTIONS",
                "-Duser.language=en -Djava.awt.headless=true -Duser.home=" + home,
                "PATH",
                "/usr/bin:/bin"))) {
      agent.await("Connected.", 0, Duration.ofSeconds(60));
      Poll.session(api, id, row -> row.getBoolean("customerOnline"));
    }
  }

  @Test
  void portalGuessesCountAsJoinGuesses() throws Exception {
    String from = "127.0.0.9";
    Page page = Page.open(from);
    for (int i = 0; i < 20; i++) {
      RawHttp.Answer answer = page.submit(from, String.format("%09d", 300000000 + i));
      assertTrue(answer.body().contains("No session is waiting for this number"), answer.body());
    }
    String number = Api.admin().post("/sessions", "").json().getString("number");
    RawHttp.Answer refused = page.submit(from, number);
    assertTrue(refused.body().contains("Too many wrong numbers"), refused.body());
    assertFalse(refused.header("content-type").startsWith("application/zip"));
    try (Socket socket = RawHttp.tlsFrom(from)) {
      assertEquals(
          429,
          RawHttp.post(socket, AgentPaths.JOIN, AgentSecurityIT.joinBody(number)).status(),
          "the join from there is refused too");
    }
  }

  /** The portal's form as one computer sees it: its cookie and the page's latest view state. */
  private static final class Page {
    private final String cookie;
    private String viewState;

    private Page(String cookie, String viewState) {
      this.cookie = cookie;
      this.viewState = viewState;
    }

    static Page open(String from) throws Exception {
      try (Socket socket = RawHttp.tlsFrom(from)) {
        RawHttp.Answer answer =
            RawHttp.exchange(
                socket, "GET", "/assist/join/index.xhtml", null, null, "Accept-Language: en");
        assertEquals(200, answer.status(), answer.body());
        String cookie = answer.header("set-cookie").split(";")[0];
        return new Page(cookie, viewState(answer.body()));
      }
    }

    RawHttp.Answer submit(String from, String number) throws Exception {
      String form =
          "portal=portal&portal%3Anumber="
              + URLEncoder.encode(number, StandardCharsets.UTF_8)
              + "&portal%3Adownload=&jakarta.faces.ViewState="
              + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
      try (Socket socket = RawHttp.tlsFrom(from)) {
        RawHttp.Answer answer =
            RawHttp.exchange(
                socket,
                "POST",
                "/assist/join/index.xhtml",
                "application/x-www-form-urlencoded",
                form,
                "Cookie: " + cookie,
                "Accept-Language: en");
        Matcher found = VIEW_STATE.matcher(answer.body());
        if (found.find()) {
          viewState = found.group(1);
        }
        return answer;
      }
    }

    private static String viewState(String html) {
      Matcher found = VIEW_STATE.matcher(html);
      assertTrue(found.find(), html);
      return found.group(1);
    }
  }

  private static Path unzip(Path zip) throws Exception {
    Path target = Files.createTempDirectory("assist-portal");
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Path file = target.resolve(entry.getName()).normalize();
        assertTrue(file.startsWith(target), entry.getName());
        names.add(entry.getName());
        Files.createDirectories(file.getParent());
        Files.copy(entries, file);
      }
    }
    assertFalse(names.isEmpty());
    return target;
  }
}
