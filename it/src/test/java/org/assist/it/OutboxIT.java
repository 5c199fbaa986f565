package org.assist.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assist.protocol.ChatText;
import org.assist.protocol.Event;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's outbox: what it must report waits on the customer's computer until the broker has it,
 * and goes again after a lost link; the server keeps each thing once.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {
  private static final int LINES = 40;

  @Test
  void aLinkCutInTheMiddleOfAScriptsOutputLosesNothing() throws Exception {
    String user = Api.newTechnician("outbox", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    // a numbered line every 0.1 s for 4 s
    long script =
        Scripts.add(
            api,
            Scripts.category(),
            "Numbered " + marker,
            "i=1; while [ $i -le " + LINES + " ]; do echo \"line $i\"; i=$((i+1)); sleep 0.1; done",
            null,
            null);
    Path policy = Files.createTempFile("assist-policy", ".properties");
    Files.writeString(policy, "run-scripts=allow\n");
    try (TcpRelay network = new TcpRelay();
        AgentProcess agent =
            AgentProcess.joinThrough(
                network.address(), number, "--no-window", "--consent-policy", policy.toString())) {
      agent.await("Connected.");
      long session = Scripts.sessionId(api, number);
      long run =
          Scripts.launch(api, new long[] {session}, new long[] {script}, new int[] {60}, false);
      Poll.until(
          Duration.ofSeconds(30),
          "the fifth line on the server",
          () -> stdout(api, run),
          out -> out.contains("line 5\n"));

      network.cut();
      // the server sees the agent gone and says so; meanwhile the script goes on writing, and the
      // customer writes in the chat
      agent.type("Écrit pendant la coupure " + marker);
      Scripts.awaitState(api, run, session, Duration.ofSeconds(30), "INTERRUPTED");
      network.restore();

      JsonObject target = Scripts.awaitState(api, run, session, Duration.ofSeconds(60), "DONE");
      JsonObject step = target.getJsonArray("steps").getJsonObject(0);
      String expected =
          IntStream.rangeClosed(1, LINES)
              .mapToObj(i -> "line " + i + "\n")
              .collect(Collectors.joining());
      assertEquals(expected, step.getString("stdout"), "every line, once, in order");
      assertEquals(0, step.getInt("exitCode"));
      assertEquals("DONE", step.getString("state"));
      assertEquals(0, step.getInt("outputMissing"), "no gap");
      assertFalse(target.containsKey("detail") && !target.isNull("detail"), target.toString());
      List<String> chat =
          Poll.until(
              Duration.ofSeconds(30),
              "the chat line written while the link was cut",
              () ->
                  Database.strings(
                      "select text from chat_message where text like ?", "%" + marker + "%"),
              lines -> !lines.isEmpty());
      assertEquals(List.of("Écrit pendant la coupure " + marker), chat);
    }
  }

  @Test
  void aChatLineDeliveredTwiceIsStoredOnce() throws Exception {
    String user = Api.newTechnician("twice", "technician");
    Api api = Api.asTechnician(user);
    String number = api.post("/sessions", "").json().getString("number");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    try (ProtocolAgent agent = ProtocolAgent.join(number, "PC-2", "Linux", "marie").connect()) {
      Event line = Event.of(null, ChatText.fromCustomer("Deux fois ? " + marker));
      agent.send(line);
      agent.send(line);
      // events of one agent are handled in order: once this one is in, both copies were handled
      agent.send(null, ChatText.fromCustomer("after " + marker));
      Poll.until(
          Duration.ofSeconds(30),
          "the line after",
          () -> Database.strings("select text from chat_message where text = ?", "after " + marker),
          lines -> !lines.isEmpty());
      assertEquals(
          List.of("Deux fois ? " + marker),
          Database.strings(
              "select text from chat_message where text like ?", "Deux fois ? " + marker));
    }
  }

  private static String stdout(Api api, long run) {
    JsonObject target = api.get("/runs/" + run).json().getJsonArray("sessions").getJsonObject(0);
    var steps = target.getJsonArray("steps");
    return steps.isEmpty() ? "" : steps.getJsonObject(0).getString("stdout");
  }
}
