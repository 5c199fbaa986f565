package org.assist.agent;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assist.protocol.PreparedAgent;

/** The server's preparation of this agent: {@link PreparedAgent#FILE} beside the agent's jar. */
final class PreparedAgents {
  private PreparedAgents() {}

  static Optional<PreparedAgent> besideTheAgent() throws IOException {
    Path file;
    try {
      file =
          Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolveSibling(PreparedAgent.FILE);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Optional.of(PreparedAgent.read(reader));
    }
  }
}
