package org.assist.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A command from the server to one agent. The body stays as the exact bytes that were signed, so
 * verification never depends on how JSON is re-written.
 *
 * @param id unique id, also the message's correlation id; agents run each id once
 * @param agentId the agent it is for: a command copied to another agent's queue does not verify
 * @param issuedAt when the server issued it
 * @param body the command's JSON object as UTF-8 bytes
 */
public record Command(String id, String agentId, CommandType type, Instant issuedAt, byte[] body) {

  /** The bytes the server signs and the agent verifies: every field, and the body's SHA-256. */
  public byte[] signingInput() {
    String text =
        String.join(
            "\n",
            "assist-command",
            Integer.toString(Protocol.VERSION),
            id,
            agentId,
            type.name(),
            Long.toString(issuedAt.toEpochMilli()),
            Base64.getEncoder().encodeToString(Sha256.digest(body)));
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
