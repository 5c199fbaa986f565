package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBodiesTest {

  @Test
  void everyEventBodyTravelsUnchangedAsItsType() throws Exception {
    List<EventBody> bodies =
        List.of(
            new Hello("pc-42", "Linux 6.1", "été"),
            new Hello(null, null, null),
            new Heartbeat(),
            new ConsentAnswer(true, ConsentAnswer.How.CUSTOMER_FOR_SESSION),
            new ConsentAnswer(false, ConsentAnswer.How.TIMEOUT),
            new StepStarted(3),
            new OutputChunk(0, 7, true, "<b>erreur</b>\n"),
            new StepFinished(1, 4, 512, false, true, null, 12),
            new StepFinished(1, null, 3000, true, false, "could not run", null),
            new RunFinished(false, "SHA-256 of a.sh is not the one signed"),
            ChatText.fromCustomer("Bonjour — ça marche"),
            new Refusal("signature does not verify"),
            new Bye(),
            new LogInOutcome(LogInOutcome.Outcome.LOGGED_IN, "marie", null),
            new LogInOutcome(LogInOutcome.Outcome.CANNOT_SWITCH, null, "not a service"));
    for (EventBody body : bodies) {
      assertEquals(body, body.eventType().read(body.toJson()), body.toString());
    }
  }

  @Test
  void everyCommandBodyTravelsUnchangedAsItsType() throws Exception {
    List<CommandBody> bodies =
        List.of(
            new SystemInfoRequest(),
            new ChatText("Alice", "Hello"),
            new EndSession(),
            new LogInRequest(null),
            new LogInRequest(new SealedCredentials("k", "i", "d")),
            new LogInCredentials(new SealedCredentials("k", "i", "d")),
            new LogOff("console closed"));
    for (CommandBody body : bodies) {
      assertEquals(body, body.commandType().read(body.toJson()), body.toString());
    }
  }

  @Test
  void joiningTravelsUnchanged() throws Exception {
    JoinRequest request =
        new JoinRequest("123 456 789", new Hello("pc", "Windows 11", "marie"), null);
    assertEquals(request, JoinRequest.fromJson(request.toJson()));
    JoinTicket ticket =
        new JoinTicket("0123456789abcdef01234567", "s3cret", 8444, 42, "123456789", "Alice");
    ServerIdentity identity = new ServerIdentity("AB:CD", "key");
    assertEquals(identity, ServerIdentity.fromJson(identity.toJson()));
    assertEquals(ticket, JoinTicket.fromJson(ticket.toJson()));
    assertMalformed(() -> JoinTicket.fromJson(with(ticket.toJson(), "agentId", "../../x")));
    assertMalformed(() -> JoinTicket.fromJson(with(ticket.toJson(), "brokerPort", 0)));
    assertMalformed(() -> JoinTicket.fromJson(with(ticket.toJson(), "brokerPort", 65_536)));
  }

  @Test
  void bodiesOutOfShapeAreMalformed() {
    JsonObject output = new OutputChunk(0, 1, false, "x").toJson();
    assertMalformed(() -> OutputChunk.fromJson(with(output, "stream", "stdin")));
    assertMalformed(() -> OutputChunk.fromJson(with(output, "seq", -1)));
    assertMalformed(() -> OutputChunk.fromJson(with(output, "step", RunPlan.MAX_STEPS)));
    assertMalformed(() -> OutputChunk.fromJson(with(output, "step", "0")));
    assertMalformed(() -> OutputChunk.fromJson(with(output, "text", 12)));
    assertMalformed(
        () -> OutputChunk.fromJson(with(output, "text", "x".repeat(OutputChunk.MAX_TEXT + 1))));
    assertMalformed(() -> StepFinished.fromJson(Json.createObjectBuilder().add("step", 0).build()));
    assertMalformed(
        () ->
            StepFinished.fromJson(
                with(new StepFinished(0, 0, 1, false, false, null, 0).toJson(), "exitCode", 1.5)));
    assertMalformed(
        () ->
            ConsentAnswer.fromJson(
                with(
                    new ConsentAnswer(true, ConsentAnswer.How.POLICY).toJson(),
                    "how",
                    "the server said so")));
    assertMalformed(
        () ->
            ConsentAnswer.fromJson(
                with(
                    new ConsentAnswer(true, ConsentAnswer.How.POLICY).toJson(), "granted", "yes")));
    assertMalformed(
        () ->
            ChatText.fromJson(
                with(
                    ChatText.fromCustomer("x").toJson(),
                    "text",
                    "x".repeat(ChatText.MAX_TEXT + 1))));
    assertMalformed(() -> ChatText.fromJson(Json.createObjectBuilder().build()));
  }

  private static JsonObject with(JsonObject json, String name, Object value) {
    var builder = Json.createObjectBuilder(json);
    if (value instanceof String text) {
      builder.add(name, text);
    } else if (value instanceof Integer number) {
      builder.add(name, number);
    } else {
      builder.add(name, (Double) value);
    }
    return builder.build();
  }

  private interface Reading {
    Object read() throws MalformedMessageException;
  }

  private static void assertMalformed(Reading reading) {
    assertThrows(MalformedMessageException.class, reading::read);
  }
}
