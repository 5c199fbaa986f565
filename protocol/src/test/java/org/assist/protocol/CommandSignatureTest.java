package org.assist.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandSignatureTest {
  private static final String AGENT = "0123456789abcdef01234567";
  private final KeyPair server = CommandSignature.newKeyPair();
  private final Command command =
      new Command(
          "c1",
          AGENT,
          CommandType.SYSTEM_INFO,
          Instant.ofEpochMilli(1_700_000_000_000L),
          body("{}"));

  private static byte[] body(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theServersSignatureVerifies() {
    String signature = CommandSignature.sign(server.getPrivate(), command);
    assertTrue(CommandSignature.verify(server.getPublic(), command, signature));
  }

  @Test
  void anyChangeBreaksIt() {
    String signature = CommandSignature.sign(server.getPrivate(), command);
    assertFalse(
        CommandSignature.verify(
            server.getPublic(),
            new Command("c2", AGENT, command.type(), command.issuedAt(), command.body()),
            signature));
    assertFalse(
        CommandSignature.verify(
            server.getPublic(),
            new Command(
                "c1",
                "fedcba9876543210fedcba98",
                command.type(),
                command.issuedAt(),
                command.body()),
            signature));
    assertFalse(
        CommandSignature.verify(
            server.getPublic(),
            new Command("c1", AGENT, CommandType.END_SESSION, command.issuedAt(), command.body()),
            signature));
    assertFalse(
        CommandSignature.verify(
            server.getPublic(),
            new Command(
                "c1", AGENT, command.type(), command.issuedAt().plusMillis(1), command.body()),
            signature));
    assertFalse(
        CommandSignature.verify(
            server.getPublic(),
            new Command("c1", AGENT, command.type(), command.issuedAt(), body("{ }")),
            signature));
  }

  @Test
  void unsignedGarbledOrForeignSignaturesFail() {
    assertFalse(CommandSignature.verify(server.getPublic(), command, null));
    assertFalse(CommandSignature.verify(server.getPublic(), command, "not base64!"));
    assertFalse(CommandSignature.verify(server.getPublic(), command, "AAAA"));
    String forged = CommandSignature.sign(CommandSignature.newKeyPair().getPrivate(), command);
    assertFalse(CommandSignature.verify(server.getPublic(), command, forged));
  }

  @Test
  void keysSurviveTheirTextForm() {
    String signature =
        CommandSignature.sign(
            CommandSignature.decodePrivateKey(
                CommandSignature.encodePrivateKey(server.getPrivate())),
            command);
    assertTrue(
        CommandSignature.verify(
            CommandSignature.decodePublicKey(CommandSignature.encodePublicKey(server.getPublic())),
            command,
            signature));
    assertEquals(
        server.getPublic(),
        CommandSignature.decodePublicKey(CommandSignature.encodePublicKey(server.getPublic())));
  }
}
