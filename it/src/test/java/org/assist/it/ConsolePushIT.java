package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
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

    Listener toAlice = Listener.of(alice, "fr");
    Listener toBob = Listener.of(bob, "en");
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
      aliceCustomer.send(command, new StepFinished(0, 0, 4, false, false, null));
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

  /** A console's live connection, opened with a technician's sign-in, collecting what comes. */
  private static final class Listener implements WebSocket.Listener {
    private final List<String> messages = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Listener of(String user, String language) {
      browser.driver.manage().deleteAllCookies();
      browser.signIn(user, Api.passwordOf(user));
      String cookies =
          browser.driver.manage().getCookies().stream()
              .map(c -> c.getName() + "=" + c.getValue())
              .collect(Collectors.joining("; "));
      Listener listener = new Listener();
      listener.socket =
          Http.client()
              .build()
              .newWebSocketBuilder()
              .connectTimeout(Http.TIMEOUT)
              .header("Cookie", cookies)
              .buildAsync(
                  URI.create(
                      "ws://"
                          + TestServer.HOST
                          + ":"
                          + TestServer.HTTP_PORT
                          + "/assist/push?lang="
                          + language),
                  listener)
              .join();
      return listener;
    }

    @Override
    public synchronized CompletionStage<?> onText(
        WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
        notifyAll();
      }
      webSocket.request(1);
      return null;
    }

    synchronized List<String> all() {
      return List.copyOf(messages);
    }

    /** The first message with this text, waiting for it. */
    synchronized JsonObject await(String text) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (true) {
        for (String message : messages) {
          if (message.contains(text)) {
            return Json.createReader(new StringReader(message)).readObject();
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no live update with " + text + " in " + messages);
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
