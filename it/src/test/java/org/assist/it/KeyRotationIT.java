package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.assist.agent.messaging.CertificatePin;
import org.assist.protocol.AgentPaths;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An administrator renews the server's keys and announces the next certificate: connected agents
 * take them at once, an agent that was away takes them when it connects again, each signed with the
 * key it trusted, and both go on running scripts with commands signed by the new key.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT extends BrowserTest {
  @Test
  void agentsTakeRenewedKeysSignedWithTheOldOnesAndKeepWorking() throws Exception {
    String user = Api.newTechnician("keys", "technician");
    Api api = Api.asTechnician(user);
    long script =
        Scripts.add(
            api, Scripts.category(), "Keys " + UUID.randomUUID(), "echo renewed", null, null);
    String numberA = api.post("/sessions", "").json().getString("number");
    String numberB = api.post("/sessions", "").json().getString("number");
    Path next =
        Path.of(
            System.getProperty("assist.server.dir"),
            "standalone/configuration/assist-tls-next.p12");
    String nextCertificate = makeKeyStore(next, "assist-tls");
    JsonObject before = Api.anonymous().getFrom(AgentPaths.IDENTITY).json();
    int version = before.getInt("version");
    try (AgentProcess connected = AgentProcess.joinAllowingScripts(numberA)) {
      connected.await("Connected.", 0, Duration.ofSeconds(60));
      Path away;
      try (AgentProcess leaving = AgentProcess.joinAllowingScripts(numberB)) {
        leaving.await("Connected.", 0, Duration.ofSeconds(60));
        away = leaving.stateDir();
        leaving.stop();
      }

      Api.Reply renewed = Api.admin().post("/server/keys", "");
      assertEquals(200, renewed.status(), renewed.toString());
      assertEquals(version + 1, renewed.json().getInt("version"));
      assertEquals(
          List.of(TestTls.pin().fingerprint(), nextCertificate),
          renewed
              .json()
              .getJsonArray("announcedCertificates")
              .getValuesAs(jakarta.json.JsonString::getString));

      // a script run at once, before the agent can have said it took the keys, runs: the agent
      // reads its commands in order, so the keys before the command signed with them
      assertRuns(api, numberA, script);
      // the connected agent took them, and keeps both certificates for the change to come
      JsonObject kept = awaitVersion(connected.stateDir(), version + 1);
      assertTrue(kept.getString("certificate").contains(nextCertificate), kept.toString());
      assertEquals(renewed.json().getString("signingKey"), kept.getString("signingKey"));

      // the one that was away takes them when it connects again
      try (AgentProcess back =
          AgentProcess.rejoin(
              away,
              "--no-window",
              "--consent-policy",
              away.resolve("policy.properties").toString())) {
        back.await("Reconnected", 0, Duration.ofSeconds(60));
        assertRuns(api, numberB, script);
        awaitVersion(away, version + 1);
        assertTrue(!back.output().contains("was refused"), back.output());
      }
      assertTrue(!connected.output().contains("was refused"), connected.output());

      // newcomers get the new key from the start
      JsonObject after = Api.anonymous().getFrom(AgentPaths.IDENTITY).json();
      assertEquals(version + 1, after.getInt("version"));
      assertEquals(renewed.json().getString("signingKey"), after.getString("signingKey"));
    } finally {
      Files.deleteIfExists(next);
    }
  }

  /** Administration → Server keys shows where the keys stand and renews them; nobody else may. */
  @Test
  void anAdministratorRenewsOnTheServerKeysPageAndNobodyElseMay() throws Exception {
    Api technician = Api.asTechnician(Api.newTechnician("keys-no", "technician"));
    assertEquals(403, technician.post("/server/keys", "").status());
    assertEquals(403, technician.get("/server/keys").status());

    int version = Api.admin().get("/server/keys").json().getInt("version");
    browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    browser.open("/admin/keys.xhtml");
    assertEquals(TestTls.pin().fingerprint(), browser.text(By.id("certificate")));
    assertTrue(browser.text(By.id("version")).startsWith(version + " ("));
    browser.click(By.id("keys:renew"));
    browser.click(By.cssSelector(".ui-confirmdialog-yes"));
    browser.waitForText(
        By.cssSelector(".ui-growl"), "Signing key version " + (version + 1) + " made");
    assertTrue(browser.text(By.id("version")).startsWith((version + 1) + " ("));
    assertEquals(version + 1, Api.admin().get("/server/keys").json().getInt("version"));
  }

  private static void assertRuns(Api api, String number, long script) throws Exception {
    long session = Scripts.sessionId(api, number);
    long run =
        Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {30}, false);
    JsonObject target =
        Scripts.awaitState(api, run, session, Duration.ofSeconds(60), "DONE", "FAILED", "REFUSED");
    assertEquals("DONE", target.getString("state"), target.toString());
  }

  /** Waits until the agent's state folder says it trusts this version; its state. */
  private static JsonObject awaitVersion(Path stateDir, int version) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonObject state = null;
    while (System.nanoTime() < deadline) {
      state =
          Json.createReader(new StringReader(Files.readString(stateDir.resolve("agent.json"))))
              .readObject();
      if (state.getInt("version", 1) == version) {
        return state;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the agent never took version " + version + ": " + state);
  }

  /** A key store with a new certificate, as an administrator prepares one; its fingerprint. */
  private static String makeKeyStore(Path file, String password) throws Exception {
    KeyStore store = KeyStores.selfSigned(file, "next", password.toCharArray());
    return CertificatePin.fingerprint((X509Certificate) store.getCertificate("next"));
  }
}
