package org.assist.agent.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
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

  @Test
  void aMissingMalformedOrTruncatedSignatureIsRefused() {
    Command command = issued(now, server, AGENT).command();
    String good = CommandSignature.sign(server.getPrivate(), command);
    for (String signature : new String[] {null, "", "not base64!", good.substring(0, 40)}) {
      assertNotNull(check.refusal(new SignedCommand(command, signature), now), signature);
    }
  }

  @Test
  void itsVerdictIsTheJdksOnEveryAlteredCommandOrSignature() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] body = new byte[1 + random.nextInt(300)];
      random.nextBytes(body);
      Command command = new Command("c" + i, AGENT, CommandType.SYSTEM_INFO, now, body);
      byte[] signature =
          Base64.getDecoder().decode(CommandSignature.sign(server.getPrivate(), command));
      Command sent = command;
      if (i % 2 == 0) {
        signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
      } else if (i % 4 == 1) {
        byte[] altered = body.clone();
        altered[random.nextInt(altered.length)] ^= (byte) (1 << random.nextInt(8));
        sent = new Command("c" + i, AGENT, CommandType.SYSTEM_INFO, now, altered);
      }
      String encoded = Base64.getEncoder().encodeToString(signature);
      boolean jdk = CommandSignature.verify(server.getPublic(), sent, encoded);
      assertEquals(i % 4 == 3, jdk, "case " + i);
      assertEquals(jdk, check.refusal(new SignedCommand(sent, encoded), now) == null, "case " + i);
    }
  }

  @Test
  void aKeyThatIsNotEd25519IsRefusedAtOnce() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    assertThrows(IllegalArgumentException.class, () -> new CommandCheck(AGENT, ec.getPublic()));
  }
}
