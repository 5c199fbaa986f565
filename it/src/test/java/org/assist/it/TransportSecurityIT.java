package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.Hello;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Everything goes over TLS, and an agent talks only to the server whose certificate it trusts: the
 * one it was given, or the one its customer confirmed by comparing fingerprints with the
 * technician.
 */
@ExtendWith(ArquillianExtension.class)
class TransportSecurityIT extends BrowserTest {
  @Test
  void plainHttpOnlyRedirectsAndIsNeverProcessed() throws Exception {
    String number = Api.admin().post("/sessions", "").json().getString("number");
    try (Socket plain = new Socket(TestServer.HOST, TestServer.HTTP_PORT)) {
      RawHttp.Answer answer =
          RawHttp.post(plain, AgentPaths.JOIN, AgentSecurityIT.joinBody(number));
      assertEquals(3, answer.status() / 100, "a redirect: " + answer);
      assertEquals(TestServer.ROOT + AgentPaths.JOIN, answer.header("location"), answer.toString());
    }
    // the plain request did not use the number up: nothing of it was processed
    JoinTicket ticket =
        ProtocolAgent.joinTicket(new JoinRequest(number, new Hello("pc", "Linux", "u"), null));

    // the broker is reachable only with TLS on its own port, even with good credentials: not
    // through the plain port, nor through the HTTPS port, nor without TLS on its port
    for (String url :
        new String[] {
          TestServer.brokerUrl(
              TestServer.HTTP_PORT, "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor"),
          TestServer.brokerUrl(
              TestServer.HTTPS_PORT,
              "?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor&sslEnabled=true"
                  + "&trustAll=true"),
          TestServer.brokerUrl(TestServer.BROKER_PORT, "")
        }) {
      ActiveMQConnectionFactory elsewhere = new ActiveMQConnectionFactory(url);
      elsewhere.setCallTimeout(10_000);
      assertThrows(
          JMSException.class,
          () -> elsewhere.createConnection(ticket.agentId(), ticket.secret()).close(),
          url);
      elsewhere.close();
    }
    // and there, with the agent's credentials, it is
    connectAsAgent(ticket);
  }

  /** Connects to the broker as the agent of this ticket, as agents do, and disconnects. */
  private static void connectAsAgent(JoinTicket ticket) throws JMSException {
    ActiveMQConnectionFactory broker = ProtocolAgent.factory();
    broker.createConnection(ticket.agentId(), ticket.secret()).close();
    broker.close();
  }

  /**
   * An agent that trusts another certificate (it was away while the server's was replaced) keeps
   * knocking on the broker's port, every few seconds, and refuses each handshake: the server does
   * not write a warning each time, as it writes none for refused handshakes on its HTTPS port. A
   * thousand such agents made hundreds of lines a second, and anyone who reaches the port could.
   */
  @Test
  void refusedHandshakesOnTheBrokersPortAreNotLogged() throws Exception {
    int logged = ServerLog.length();
    // the Java runtime's own trust: the server's self-signed certificate is not in it
    ActiveMQConnectionFactory stale =
        new ActiveMQConnectionFactory(
            TestServer.brokerUrl(TestServer.BROKER_PORT, "?sslEnabled=true"));
    stale.setCallTimeout(10_000);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThrows(JMSException.class, () -> stale.createConnection("agent", "secret").close());
    }
    stale.close();
    // the broker's one network thread has handled those attempts before it handles this handshake
    String number = Api.admin().post("/sessions", "").json().getString("number");
    connectAsAgent(
        ProtocolAgent.joinTicket(new JoinRequest(number, new Hello("pc", "Linux", "u"), null)));
    String log = ServerLog.since(logged);
    assertFalse(log.contains("AMQ222208") || log.contains("SSL handshake failed"), log);
  }

  /**
   * Nobody reaches WildFly's remote EJB and JNDI, which Assist does not use: the HTTPS port does
   * not switch to their protocol (jboss-remoting), as it did before the product's server left them
   * out.
   */
  @Test
  void theHttpsPortDoesNotSwitchToWildFlysRemoting() throws Exception {
    try (Socket tls = RawHttp.tlsFrom("127.0.0.1")) {
      tls.setSoTimeout(10_000);
      tls.getOutputStream()
          .write(
              ("GET / HTTP/1.1\r\nHost: "
                      + TestServer.HOST
                      + "\r\nConnection: Upgrade\r\nUpgrade: jboss-remoting"
                      + "\r\nSec-JbossRemoting-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status =
          new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertTrue(status.startsWith("HTTP/1.1 "), status);
      assertFalse(status.startsWith("HTTP/1.1 101"), status);
    }
  }

  @Test
  void anAgentRefusesAServerWithAnotherCertificate() throws Exception {
    String number = Api.admin().post("/sessions", "").json().getString("number");
    String other = "AB:".repeat(31) + "AB";
    try (AgentProcess agent = AgentProcess.joinTrusting(other, number, "--no-window")) {
      assertEquals(3, agent.waitForExit(Duration.ofSeconds(60)), agent.output());
      assertTrue(agent.output().contains("is not the one this agent trusts"), agent.output());
      assertTrue(agent.output().contains(TestTls.pin().fingerprint()), agent.output());
    }
    // it sent nothing: the number still joins
    ProtocolAgent.joinTicket(new JoinRequest(number, new Hello("pc", "Linux", "u"), null));
  }

  /**
   * Someone on the customer's network answers the agent's broker connection with a certificate of
   * their own (or the server's was replaced while the agent was away): the agent refuses every
   * attempt and sends nothing, tells its customer once, naming both certificates, and is back as
   * soon as its own server answers again.
   */
  @Test
  void anAgentWhoseBrokerLinkMeetsAnotherCertificateRefusesItAndSaysSoOnce() throws Exception {
    String number = Api.admin().post("/sessions", "").json().getString("number");
    try (TcpRelay network = new TcpRelay();
        Impostor impostor = Impostor.start();
        AgentProcess agent = AgentProcess.joinThrough(network.address(), number, "--no-window")) {
      int connected = agent.await("Connected.");
      network.divertBroker(impostor.port());
      network.cut();
      network.restore();
      String trusts = "is not the one this agent trusts";
      int told = agent.await(trusts, connected, Duration.ofSeconds(60));
      String line = agent.output().split("\n")[told];
      assertTrue(line.contains(impostor.fingerprint), line);
      assertTrue(line.contains(TestTls.pin().fingerprint()), line);
      // it keeps trying (every few seconds), and does not say it again for each attempt
      Poll.until(
          Duration.ofSeconds(60),
          "three attempts refused",
          network::divertedConnections,
          attempts -> attempts >= 3);
      network.divertBroker(0);
      agent.await("Connected.", told, Duration.ofSeconds(60));
      assertEquals(0, impostor.requests(), "nothing was sent to the impostor");
      assertEquals(1, agent.output().split(trusts, -1).length - 1, agent.output());
    }
  }

  /**
   * A firewall in front of the server forwards another port number to the broker's: the
   * administrator names it ({@code ASSIST_BROKER_PUBLIC_PORT}, here its system property, changed
   * while the server runs), the join tells agents that number, and they connect through it.
   */
  @Test
  void agentsReachTheBrokerAtThePortTheAdministratorPublishes() throws Exception {
    try (TcpRelay firewall = new TcpRelay(0)) {
      String set =
          ServerLog.cli(
              "/system-property=assist.broker.public.port:add(value="
                  + firewall.brokerPort()
                  + ")");
      assertTrue(set.contains("success"), set);
      try {
        Api api = Api.admin();
        JsonObject session = api.post("/sessions", "").json();
        try (AgentProcess agent =
            AgentProcess.joinThrough(
                firewall.address(), session.getString("number"), "--no-window")) {
          agent.await("Connected.");
          assertTrue(firewall.brokerConnections() > 0, "through the published port");
          Poll.until(
              Duration.ofSeconds(30),
              "the customer shown online",
              () -> api.get("/sessions/" + session.getJsonNumber("id")).json(),
              shown -> shown.getBoolean("customerOnline"));
        }
      } finally {
        ServerLog.cli("/system-property=assist.broker.public.port:remove");
      }
    }
  }

  /**
   * An agent that meets the server for the first time shows the certificate's fingerprint; the
   * technician's session page shows the same; the customer confirms, or not.
   */
  @Test
  void theCustomerConfirmsTheFingerprintTheTechnicianSees() throws Exception {
    String user = Api.newTechnician("tofu", "technician");
    Api api = Api.asTechnician(user);
    JsonObject session = api.post("/sessions", "").json();
    String number = session.getString("number");
    browser.signIn(user, Api.passwordOf(user));
    browser.open("/sessions/view.xhtml?id=" + session.getJsonNumber("id").longValue());
    String shown = browser.text(By.cssSelector(".server-certificate .fingerprint"));
    assertEquals(TestTls.pin().fingerprint(), shown);

    try (AgentProcess declined = AgentProcess.joinTrusting(null, number, "--no-window")) {
      declined.await(shown);
      declined.answerConsent(0, "n");
      assertEquals(3, declined.waitForExit(Duration.ofSeconds(30)), declined.output());
      assertTrue(declined.output().contains("was not confirmed"), declined.output());
    }
    try (AgentProcess trusted = AgentProcess.joinTrusting(null, number, "--no-window")) {
      trusted.await(shown);
      trusted.answerConsent(0, "y");
      trusted.await("Connected to");
      browser.open("/sessions/view.xhtml?id=" + session.getJsonNumber("id").longValue());
      browser.waitForText(By.cssSelector(".customer .presence"), "Online");
      assertTrue(
          browser.driver.findElements(By.cssSelector(".server-certificate")).isEmpty(),
          "the fingerprint is shown only while the customer has not joined");
    }
  }

  /** The key that signs commands is in a PKCS#12 file only the server's account reads. */
  @Test
  void theSigningKeyIsKeptInAFileOnlyTheServerReads() throws Exception {
    Path file =
        Path.of(
            System.getProperty("assist.server.dir"), "standalone/configuration/assist-signing.p12");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, "assist-signing".toCharArray());
    }
    JsonObject served = Api.anonymous().getFrom(AgentPaths.IDENTITY).json();
    assertEquals(
        served.getString("signingKey"),
        CommandSignature.encodePublicKey(
            store.getCertificate("signing-" + served.getInt("version")).getPublicKey()));
    try (Connection db = Database.connect();
        ResultSet rows = db.createStatement().executeQuery("select count(*) from server_key")) {
      rows.next();
      assertEquals(0, rows.getInt(1), "no key left in the database");
    }
  }

  @Test
  void theConsoleCookieIsSecureHttpOnlyAndSameSiteAndBrowsersAreToldHttpsOnly() throws Exception {
    String user = Api.newTechnician("cookie", "technician");
    browser.signIn(user, Api.passwordOf(user));
    Cookie cookie = browser.driver.manage().getCookieNamed("JSESSIONID");
    assertTrue(cookie.isSecure(), cookie.toString());
    assertTrue(cookie.isHttpOnly(), cookie.toString());
    assertEquals("Strict", cookie.getSameSite(), cookie.toString());
    assertEquals(
        "max-age=86400",
        Api.admin().get("/sessions").headers().firstValue("Strict-Transport-Security").orElse(""));
  }
}
