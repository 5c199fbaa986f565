package org.assist.agent.restart;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.assist.protocol.Command;
import org.assist.protocol.CommandType;
import org.assist.protocol.JmsCodec.SignedCommand;
import org.assist.protocol.JsonCodec;

/**
 * A run stopped at its restart step, kept in the state folder (the command exactly as signed) so
 * that the agent started again with the computer goes on with the steps after it. Read once: a run
 * goes on only once.
 *
 * @param restartStep the index of the restart step
 * @param restartedAt when the computer went down
 */
public record PendingRun(SignedCommand command, int restartStep, Instant restartedAt) {
  static final String FILE = "pending-run.json";

  public void save(Path folder) throws IOException {
    Command c = command.command();
    String json =
        JsonCodec.object()
            .add("id", c.id())
            .add("agentId", c.agentId())
            .add("type", c.type().name())
            .add("issuedAt", c.issuedAt().toEpochMilli())
            .add("body", Base64.getEncoder().encodeToString(c.body()))
            .add("signature", command.signature())
            .add("restartStep", restartStep)
            .add("restartedAt", restartedAt.toEpochMilli())
            .build()
            .toString();
    Path next = folder.resolve(FILE + ".new");
    Files.writeString(next, json, StandardCharsets.UTF_8);
    Files.move(
        next,
        folder.resolve(FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The run to go on with, if one waits; it no longer waits afterwards. */
  public static Optional<PendingRun> take(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.delete(file);
    try {
      JsonObject json = JsonCodec.read(text);
      return Optional.of(
          new PendingRun(
              new SignedCommand(
                  new Command(
                      json.getString("id"),
                      json.getString("agentId"),
                      CommandType.valueOf(json.getString("type")),
                      Instant.ofEpochMilli(json.getJsonNumber("issuedAt").longValue()),
                      Base64.getDecoder().decode(json.getString("body"))),
                  json.getString("signature")),
              json.getInt("restartStep"),
              Instant.ofEpochMilli(json.getJsonNumber("restartedAt").longValue())));
    } catch (RuntimeException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  /** Forgets a run that will not go on (its restart did not happen). */
  public static void forget(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(FILE));
  }
}
