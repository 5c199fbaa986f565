package org.assist.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.CommandType;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.junit.jupiter.api.Test;

class CommandCheckTest {
  private static final String AGENT = "0123456789abcdef01234567";
  private final KeyPair server = CommandSignature.newKeyPair();
  private final CommandCheck check = new CommandCheck(AGENT, server.getPublic());
  private final Instant now = Instant.parse("2026-12-02T12:00:00Z");

  private SignedCommand issued(Instant at, KeyPair by, String agent) {
    Command command =
        new Command("c", agent, CommandType.SYSTEM_INFO, at, "{}".getBytes(StandardCharsets.UTF_8));
    return new SignedCommand(command, CommandSignature.sign(by.getPrivate(), command));
  }

  @Test
  void aRecentCommandOfItsServerForThisAgentIsCarriedOut() {
    assertNull(check.refusal(issued(now.minusSeconds(5), server, AGENT), now));
  }

  @Test
  void anOldOrFutureCommandIsRefusedThoughSigned() {
    assertNotNull(check.refusal(issued(now.minus(Duration.ofHours(25)), server, AGENT), now));
    assertNotNull(check.refusal(issued(now.plus(Duration.ofHours(2)), server, AGENT), now));
  }

  @Test
  void anotherKeyOrAnotherAgentIsRefused() {
    assertNotNull(check.refusal(issued(now, CommandSignature.newKeyPair(), AGENT), now));
    assertNotNull(check.refusal(issued(now, server, "fedcba9876543210fedcba98"), now));
  }
}
