package org.assist.agent;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.assist.agent.scripts.ScriptInProgress;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.ServerIdentity;

/**
 * What the agent keeps between starts, in a folder only the computer's user can read: the server,
 * whom it trusts as that server (its certificate and command-signing key, pinned), the ticket it
 * gave when the agent joined (its id and secret for the broker, the session it is in), and the
 * private key it made at the join, to which the server seals credentials.
 *
 * @param agentKey the agent's RSA private key (PKCS#8, Base64); null in a state kept by an older
 *     agent
 */
record AgentState(URI server, ServerIdentity identity, JoinTicket ticket, String agentKey) {
  static final String FILE = "agent.json";

  /** The folder of the session's outbox (see {@link org.assist.agent.messaging.Outbox}). */
  static final String OUTBOX = "outbox";

  /** The state folder, created if needed with owner-only permissions. */
  static Path prepareFolder(Path folder) throws IOException {
    return OwnerOnly.folder(folder);
  }

  static Optional<AgentState> load(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonObject json = JsonCodec.read(Files.readString(file));
    try {
      return Optional.of(
          new AgentState(
              URI.create(json.getString("server")),
              ServerIdentity.fromJson(json),
              JoinTicket.fromJson(json),
              json.getString("agentKey", null)));
    } catch (MalformedMessageException | RuntimeException e) {
      throw new IOException(file + " is damaged: " + e.getMessage(), e);
    }
  }

  void save(Path folder) throws IOException {
    JsonObjectBuilder json = JsonCodec.object().add("server", server.toString());
    identity.toJson().forEach(json::add);
    ticket.toJson().forEach(json::add);
    if (agentKey != null) {
      json.add("agentKey", agentKey);
    }
    Path temporary = Files.createTempFile(folder, "agent", ".tmp");
    OwnerOnly.file(temporary);
    Files.writeString(temporary, json.build().toString(), StandardCharsets.UTF_8);
    Files.move(
        temporary,
        folder.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Forgets the session: its state, what its outbox still held and its unfinished script, none of
   * which may be said in another session.
   */
  static void clear(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(FILE));
    OwnerOnly.delete(folder.resolve(OUTBOX));
    ScriptInProgress.take(folder);
  }

  @Override
  public String toString() {
    return "AgentState[" + ticket + "]";
  }
}
