package org.assist.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.assist.protocol.Command;
import org.assist.protocol.CommandSignature;
import org.assist.protocol.CommandType;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
  private final KeyPair pair = CommandSignature.newKeyPair();
  private final SigningKey key = new SigningKey(pair);

  private static Command command(String id, String body) {
    return new Command(
        id,
        "0123456789abcdef01234567",
        CommandType.RUN_SCRIPTS,
        Instant.ofEpochMilli(1_700_000_000_000L),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void itsSignatureIsTheJdksAndAgentsVerifyIt() {
    for (String body : new String[] {"{}", "{\"steps\":[\"Réinitialiser l'imprimante\"]}"}) {
      Command command = command("c1", body);
      String signature = key.sign(command);
      assertEquals(CommandSignature.sign(pair.getPrivate(), command), signature);
      assertTrue(CommandSignature.verify(key.publicKey(), command, signature));
    }
  }

  @Test
  void aSignatureFitsOnlyItsCommandAndItsKey() {
    String signature = key.sign(command("c1", "{}"));
    assertFalse(CommandSignature.verify(key.publicKey(), command("c2", "{}"), signature));
    assertFalse(
        CommandSignature.verify(
            CommandSignature.newKeyPair().getPublic(), command("c1", "{}"), signature));
  }
}
