package org.assist.agent.scripts;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.assist.agent.ServerHttp;
import org.assist.protocol.RunPlan;
import org.assist.protocol.Sha256;

/**
 * Fetches a script version's files from the server as this agent, and refuses any whose SHA-256 is
 * not the one the signed command announced.
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

  /** The file's bytes, checked against {@code sha256}. */
  public byte[] fetch(RunPlan.Step step, boolean input) throws Refused, IOException {
    String expected = input ? step.inputSha256() : step.executableSha256();
    String what = input ? step.inputName() : step.executableName();
    ServerHttp.Response response =
        ServerHttp.send(
            server.resolve(RunPlan.filePath(step.versionId(), input)),
            Map.of("Authorization", authorization),
            null,
            Duration.ofSeconds(60));
    if (response.status() != 200) {
      throw new Refused("the server did not give " + what + " (HTTP " + response.status() + ")");
    }
    String actual = Sha256.hex(response.body());
    if (!actual.equals(expected)) {
      throw new Refused(
          "SHA-256 of " + what + " is " + actual + ", not the " + expected + " the server signed");
    }
    return response.body();
  }
}
