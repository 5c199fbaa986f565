package org.assist.agent.scripts;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.assist.agent.messaging.ServerHttp;
import org.assist.protocol.AgentPaths;
import org.assist.protocol.RunPlan;
import org.assist.protocol.Sha256;

/**
 * A script version's files: those that came inside the signed command, or else fetched from the
 * server as this agent; any whose SHA-256 is not the one the command announced is refused.
 */
public final class ScriptFiles {
  /** A file did not arrive, or not as announced: nothing of the run may start. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final URI server;
  private final String authorization;

  public ScriptFiles(URI server, String agentId, String secret) {
    this.server = server;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((agentId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes of the step's executable or input file, checked against its SHA-256. */
  public byte[] get(RunPlan.Step step, boolean input) throws Refused, IOException {
    RunPlan.File file = input ? step.input() : step.executable();
    byte[] content = file.isInline() ? file.content() : fetch(step.versionId(), input, file);
    String actual = Sha256.hex(content);
    if (!actual.equals(file.sha256())) {
      throw new Refused(
          "SHA-256 of "
              + file.name()
              + " is "
              + actual
              + ", not the "
              + file.sha256()
              + " the server signed");
    }
    return content;
  }

  private byte[] fetch(long versionId, boolean input, RunPlan.File file)
      throws Refused, IOException {
    ServerHttp.Response response =
        ServerHttp.send(
            server.resolve(AgentPaths.file(versionId, input)),
            Map.of("Authorization", authorization),
            null,
            Duration.ofSeconds(60));
    if (response.status() != 200) {
      throw new Refused(
          "the server did not give " + file.name() + " (HTTP " + response.status() + ")");
    }
    return response.body();
  }
}
