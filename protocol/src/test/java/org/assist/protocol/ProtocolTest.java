package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolTest {
  private static final String AGENT = "0123456789abcdef01234567";

  @Test
  void destinationsAreNamedAfterTheAgent() {
    assertEquals("assist.agent." + AGENT, Protocol.commandQueue(AGENT));
    assertEquals("assist.events." + AGENT, Protocol.eventTopic(AGENT));
    assertEquals(AGENT, Protocol.agentOfEventTopic(Protocol.eventTopic(AGENT)));
  }

  @Test
  void onlyRealAgentIdsMakeDestinations() {
    assertThrows(IllegalArgumentException.class, () -> Protocol.commandQueue("#"));
    assertThrows(IllegalArgumentException.class, () -> Protocol.commandQueue(AGENT + ".x"));
    assertNull(Protocol.agentOfEventTopic("assist.events.#"));
    assertNull(Protocol.agentOfEventTopic("assist.agent." + AGENT));
    assertNull(Protocol.agentOfEventTopic(null));
  }

  @Test
  void jsonBodiesAreBoundedObjects() throws Exception {
    byte[] ok = JsonCodec.bytes(Json.createObjectBuilder().add("a", "é").build());
    assertEquals("é", JsonCodec.parse(ok, 100).getString("a"));
    assertThrows(MalformedMessageException.class, () -> JsonCodec.parse(ok, 3));
    assertThrows(MalformedMessageException.class, () -> JsonCodec.parse(new byte[0], 100));
    assertThrows(
        MalformedMessageException.class,
        () -> JsonCodec.parse("[1]".getBytes(StandardCharsets.UTF_8), 100));
    assertThrows(
        MalformedMessageException.class,
        () -> JsonCodec.parse("{\"a\":".getBytes(StandardCharsets.UTF_8), 100));
    assertThrows(
        MalformedMessageException.class,
        () -> JsonCodec.parse(new byte[] {(byte) 0xff, 0x00}, 100));
  }
}
