package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.assist.protocol.ChatText;
import org.assist.protocol.StepFinished;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's live connection carries chat lines whole: to the session's technician only, written
 * in the language of the page that opened the connection.
 */
@ExtendWith(ArquillianExtension.class)
class ConsolePushIT extends BrowserTest {
  @Test
  void chatLinesGoOnlyToTheSessionsTechnicianInTheirLanguage() throws Exception {
    String alice = Api.newTechnician("push-a", "technician");
    String bob = Api.newTechnician("push-b", "technician");
    Api api = Api.asTechnician(alice);
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long script = Scripts.add(api, Scripts.category(), "Quick " + marker, "exit 0", null, null);
    String aliceNumber = api.post("/sessions", "").json().getString("number");
    String bobNumber = Api.asTechnician(bob).post("/sessions", "").json().getString("number");

    PushListener toAlice = PushListener.of(browser, alice, "fr");
    PushListener toBob = PushListener.of(browser, bob, "en");
    try (ProtocolAgent aliceCustomer =
            ProtocolAgent.join(aliceNumber, "pc-a", "Linux", "anne").connect();
        ProtocolAgent bobCustomer =
            ProtocolAgent.join(bobNumber, "pc-b", "Linux", "bert").connect()) {
      aliceCustomer.send(null, ChatText.fromCustomer("hi " + marker));
      JsonObject chat = toAlice.await("hi " + marker);
      assertEquals(aliceCustomer.sessionId, chat.getJsonNumber("session").longValue());
      JsonObject line = chat.getJsonArray("lines").getJsonObject(0);
      assertEquals("customer", line.getString("kind"));
      assertEquals("anne", line.getString("who"));

      // a script's end, in Alice's language
      Scripts.launch(
          api, new long[] {aliceCustomer.sessionId}, new long[] {script}, new int[] {10}, false);
      String command = aliceCustomer.nextCommand().command().id();
      aliceCustomer.consent(command);
      aliceCustomer.send(command, new StepFinished(0, 0, 4, false, false, null, null));
      toAlice.await("code de sortie 0");
      // it ended before its start was reported: its start comes first, then its end
      String all = String.join("\n", toAlice.all());
      int started = all.indexOf("\"kind\":\"started\"");
      assertTrue(started >= 0 && started < all.indexOf("code de sortie 0"), all);

      // Bob hears his own customer, and nothing of Alice's
      bobCustomer.send(null, ChatText.fromCustomer("bye " + marker));
      toBob.await("bye " + marker);
      assertTrue(
          toBob.all().stream().noneMatch(m -> m.contains("hi " + marker) || m.contains("Quick")),
          toBob.all().toString());
    } finally {
      toAlice.close();
      toBob.close();
    }
  }

  /** Another site's page cannot open a technician's live connection (it would read it all). */
  @Test
  void anotherSitesPageCannotOpenTheLiveConnection() throws Exception {
    String user = Api.newTechnician("push-site", "technician");
    browser.signIn(user, Api.passwordOf(user));
    String cookies = PushListener.cookies(browser);
    java.util.concurrent.CompletionException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.CompletionException.class,
            () -> PushListener.connect(cookies, "http://evil.example", "en").join());
    assertTrue(
        refused.getCause() instanceof java.net.http.WebSocketHandshakeException,
        refused.toString());
    PushListener.connect(cookies, TestServer.ROOT, "en").join().close();
  }
}
